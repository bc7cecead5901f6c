package org.peerpulse.session.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.peerpulse.contracts.SessionContribution;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.SessionVoided;

/**
 * A logged session: what the specialist reported, and the invitation issued with it. Created only
 * through {@link #log}, which checks the rules and hands back the {@link SessionLogged} fact to publish
 * together with the session; withdrawn only through {@link #voidBy}, which hands back {@link SessionVoided}.
 *
 * @param idempotency the retry key it was logged under, or {@code null} if the client sent none
 * @param voiding who withdrew it, when and why, or {@code null} while it counts
 */
public record Session(
        String sessionId,
        SessionDetails details,
        String invitationTokenHash,
        Instant invitationExpiresAt,
        Instant loggedAt,
        Idempotency idempotency,
        Voiding voiding) {

    public static final int MAX_DURATION_MINUTES = 480;
    public static final int MAX_VOID_REASON_LENGTH = 500;

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
     * @param token the invitation issued with it
     * @param invitationTtl how long the participant may answer
     * @param maxAge how far back a session may be logged
     */
    public static Logged log(SessionDetails details, InvitationToken token, Duration invitationTtl,
            Duration maxAge, Instant now, UUID sessionId, UUID eventId) {
        return log(details, token, invitationTtl, maxAge, now, sessionId, eventId, null);
    }

    /** As {@link #log(SessionDetails, InvitationToken, Duration, Duration, Instant, UUID, UUID)}, under a retry key. */
    public static Logged log(SessionDetails details, InvitationToken token, Duration invitationTtl,
            Duration maxAge, Instant now, UUID sessionId, UUID eventId, Idempotency idempotency) {
        if (details.sessionAt().isAfter(now)) {
            throw new InvalidSessionException("occurredAt", "must not be in the future");
        }
        if (details.sessionAt().isBefore(now.minus(maxAge))) {
            throw new InvalidSessionException("occurredAt", "must be within the last " + maxAge.toDays() + " days");
        }
        Session session = new Session(sessionId.toString(), details, token.hash(), now.plus(invitationTtl), now,
                idempotency, null);
        // The pseudonym and the strength tags stay in the stored session: no consumer reads them, and only
        // here can they be erased. The event says only whether any strength was noted.
        SessionLogged event = new SessionLogged(eventId, now, details.agencyId(), session.sessionId,
                details.programId(), details.specialistId(), details.sessionAt(), details.durationMinutes(),
                details.channel(), details.activity(), details.focusAreas(), session.strengthsAcknowledged(),
                details.valuesPracticed(), details.framework(),
                new SessionLogged.InvitationIssued(token.hash(), session.invitationExpiresAt));
        return new Logged(session, event);
    }

    /**
     * Withdraws this session. A quality lead may void any session of the agency; anyone else only one they
     * logged themselves. The reason is kept with the session and never leaves it: the event says that it
     * was voided and what it had contributed, so that consumers take exactly that back out.
     *
     * @throws VoidNotAllowedException when the caller may not void this session
     * @throws SessionAlreadyVoidedException when it was voided before
     */
    public Voided voidBy(Voider voider, String reason, Instant now, UUID eventId) {
        if (!voider.qualityLead() && !voider.subject().equals(details.loggedBy())) {
            throw new VoidNotAllowedException();
        }
        if (voided()) {
            throw new SessionAlreadyVoidedException();
        }
        if (reason == null || reason.isBlank() || reason.length() > MAX_VOID_REASON_LENGTH) {
            throw new InvalidSessionException("reason", "must be 1-" + MAX_VOID_REASON_LENGTH + " characters");
        }
        Session session = new Session(sessionId, details, invitationTokenHash, invitationExpiresAt, loggedAt,
                idempotency, new Voiding(now, voider.subject(), reason));
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
                strengthsAcknowledged(), invitationTokenHash == null ? 0 : 1);
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

    /** Who asks to void a session: the token's subject, and whether they lead quality for the agency. */
    public record Voider(String subject, boolean qualityLead) {
    }

    /** Who withdrew a session, when and why; the reason is never printed. */
    public record Voiding(Instant at, String by, String reason) {

        @Override
        public String toString() {
            return "Voiding[at=" + at + ", by=" + by + "]";
        }
    }
}
