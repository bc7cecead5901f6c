package org.peerpulse.session.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.peerpulse.contracts.InvitationsReissued;
import org.peerpulse.contracts.SessionContribution;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.SessionVoided;

/**
 * A logged session: what the specialist reported, and the invitations issued with it, one per attendee.
 * Created only through {@link #log}, which checks the rules and hands back the {@link SessionLogged} fact to
 * publish together with the session; its links replaced only through {@link #reissue}, which hands back
 * {@link InvitationsReissued}; withdrawn only through {@link #voidBy}, which hands back {@link SessionVoided}.
 *
 * @param invitations the links that stand now, one per attendee, in the order they were first issued
 *
 * @param idempotency the retry key it was logged under, or {@code null} if the client sent none
 * @param voiding who withdrew it, when and why, or {@code null} while it counts
 */
public record Session(
        String sessionId,
        SessionDetails details,
        List<Invitation> invitations,
        Instant loggedAt,
        Idempotency idempotency,
        Voiding voiding) {

    public static final int MAX_DURATION_MINUTES = 480;
    public static final int MAX_VOID_REASON_LENGTH = 500;
    public static final int MAX_ATTENDEES = 30;

    public Session {
        invitations = List.copyOf(invitations);
    }

    public String agencyId() {
        return details.agencyId();
    }

    public boolean voided() {
        return voiding != null;
    }

    /**
     * Logs a session now.
     *
     * @param details what the specialist told us, already pseudonymised
     * @param tokens the invitations issued with it, one per attendee
     * @param invitationTtl how long the participant may answer
     * @param maxAge how far back a session may be logged
     */
    public static Logged log(SessionDetails details, List<InvitationToken> tokens, Duration invitationTtl,
            Duration maxAge, Instant now, UUID sessionId, UUID eventId) {
        return log(details, tokens, invitationTtl, maxAge, now, sessionId, eventId, null);
    }

    /** As {@link #log(SessionDetails, List, Duration, Duration, Instant, UUID, UUID)}, under a retry key. */
    public static Logged log(SessionDetails details, List<InvitationToken> tokens, Duration invitationTtl,
            Duration maxAge, Instant now, UUID sessionId, UUID eventId, Idempotency idempotency) {
        requireAttendees(tokens.size());
        if (details.sessionAt().isAfter(now)) {
            throw new InvalidSessionException("occurredAt", "must not be in the future");
        }
        if (details.sessionAt().isBefore(now.minus(maxAge))) {
            throw new InvalidSessionException("occurredAt", "must be within the last " + maxAge.toDays() + " days");
        }
        Instant expiresAt = now.plus(invitationTtl);
        Session session = new Session(sessionId.toString(), details,
                tokens.stream().map(token -> new Invitation(token.hash(), expiresAt)).toList(), now, idempotency, null);
        List<SessionLogged.InvitationIssued> issued = session.invitations.stream()
                .map(invitation -> new SessionLogged.InvitationIssued(invitation.tokenHash(), invitation.expiresAt()))
                .toList();
        // The pseudonym and the strength tags stay in the stored session: no consumer reads them, and only
        // here can they be erased. The event says only whether any strength was noted.
        SessionLogged event = new SessionLogged(eventId, now, details.agencyId(), session.sessionId,
                details.programId(), details.specialistId(), details.sessionAt(), details.durationMinutes(),
                details.channel(), details.activity(), details.focusAreas(), session.strengthsAcknowledged(),
                details.valuesPracticed(), details.framework(), issued.get(0), issued);
        return new Logged(session, event);
    }

    /** Refuses a group of no one, or larger than a link sheet can hold. */
    public static void requireAttendees(int attendees) {
        if (attendees < 1 || attendees > MAX_ATTENDEES) {
            throw new InvalidSessionException("attendees", "must be between 1 and " + MAX_ATTENDEES);
        }
    }

    /**
     * Replaces every link of this session with a fresh one. Which old links were answered only feedback-service
     * knows: it retires each unanswered one and lets its replacement work, and never lets the replacement of an
     * answered link work (see {@link InvitationsReissued}).
     *
     * @param actor who asks; a quality lead, or the specialist the session is attributed to
     * @throws AttributionRefusedException when the caller may not act on this session
     * @throws SessionAlreadyVoidedException when it was voided
     */
    public Reissued reissue(Actor actor, List<InvitationToken> fresh, Duration invitationTtl, Instant now,
            UUID eventId) {
        requireActor(actor);
        if (voided()) {
            throw new SessionAlreadyVoidedException();
        }
        if (fresh.size() != invitations.size()) {
            throw new IllegalArgumentException("one fresh link per attendee");
        }
        Instant expiresAt = now.plus(invitationTtl);
        List<Invitation> replaced = new ArrayList<>();
        List<InvitationsReissued.Replacement> replacements = new ArrayList<>();
        for (int slot = 0; slot < fresh.size(); slot++) {
            replaced.add(new Invitation(fresh.get(slot).hash(), expiresAt));
            replacements.add(new InvitationsReissued.Replacement(invitations.get(slot).tokenHash(),
                    fresh.get(slot).hash(), expiresAt));
        }
        Session session = new Session(sessionId, details, replaced, loggedAt, idempotency, voiding);
        InvitationsReissued event = new InvitationsReissued(eventId, now, details.agencyId(), sessionId,
                details.programId(), details.specialistId(), details.sessionAt(), details.framework(), replacements);
        return new Reissued(session, invitations, event);
    }

    /**
     * Withdraws this session. A quality lead may void any session of the agency; a specialist only one
     * attributed to them. The reason is kept with the session and never leaves it: the event says that it
     * was voided and what it had contributed, so that consumers take exactly that back out.
     *
     * @throws AttributionRefusedException when the caller may not void this session
     * @throws SessionAlreadyVoidedException when it was voided before
     */
    public Voided voidBy(Actor voider, String reason, Instant now, UUID eventId) {
        requireActor(voider);
        if (voided()) {
            throw new SessionAlreadyVoidedException();
        }
        if (reason == null || reason.isBlank() || reason.length() > MAX_VOID_REASON_LENGTH) {
            throw new InvalidSessionException("reason", "must be 1-" + MAX_VOID_REASON_LENGTH + " characters");
        }
        Session session = new Session(sessionId, details, invitations, loggedAt, idempotency,
                new Voiding(now, voider.subject(), reason));
        SessionVoided event = new SessionVoided(eventId, now, details.agencyId(), sessionId, details.programId(),
                details.specialistId(), details.sessionAt(), contribution());
        return new Voided(session, event);
    }

    /**
     * What this session counts for in the indicators: exactly what its {@link SessionLogged} carried, so the
     * {@link SessionVoided} that takes it back subtracts the same values.
     */
    public SessionContribution contribution() {
        return new SessionContribution(details.durationMinutes(), details.activity(), details.focusAreas(),
                strengthsAcknowledged(), invitations.size(), details.valuesPracticed());
    }

    /** Whether {@code actor} may act on this session: a quality lead, or the specialist it is attributed to. */
    public boolean actsFor(Actor actor) {
        return actor.qualityLead() || details.specialistId().equals(actor.specialistId());
    }

    private void requireActor(Actor actor) {
        if (!actsFor(actor)) {
            throw new AttributionRefusedException();
        }
    }

    private boolean strengthsAcknowledged() {
        return !details.strengthsNoted().isEmpty();
    }

    /** A session just logged and the fact that says so. */
    public record Logged(Session session, SessionLogged event) {
    }

    /** A session just voided and the fact that says so. */
    public record Voided(Session session, SessionVoided event) {
    }

    /** Links just replaced: the session with its fresh links, the ones they replace, and the fact. */
    public record Reissued(Session session, List<Invitation> replaced, InvitationsReissued event) {
    }

    /**
     * Who acts on a session: the token's subject, whether they lead quality for the agency, and the specialist
     * id their token names ({@code null} if none).
     */
    public record Actor(String subject, boolean qualityLead, String specialistId) {
    }

    /** One participant's link: only its token's hash, and when it stops working. */
    public record Invitation(String tokenHash, Instant expiresAt) {
    }

    /** Who withdrew a session, when and why; the reason is never printed. */
    public record Voiding(Instant at, String by, String reason) {

        @Override
        public String toString() {
            return "Voiding[at=" + at + ", by=" + by + "]";
        }
    }
}
