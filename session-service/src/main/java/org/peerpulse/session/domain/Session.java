package org.peerpulse.session.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.peerpulse.contracts.SessionLogged;

/**
 * A logged session: what the specialist reported, and the invitation issued with it. Created only
 * through {@link #log}, which checks the rules and hands back the {@link SessionLogged} fact to publish
 * together with the session.
 */
public record Session(
        String sessionId,
        SessionDetails details,
        String invitationTokenHash,
        Instant invitationExpiresAt,
        Instant loggedAt) {

    public static final int MAX_DURATION_MINUTES = 480;

    public String agencyId() {
        return details.agencyId();
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
        if (details.sessionAt().isAfter(now)) {
            throw new InvalidSessionException("occurredAt", "must not be in the future");
        }
        if (details.sessionAt().isBefore(now.minus(maxAge))) {
            throw new InvalidSessionException("occurredAt", "must be within the last " + maxAge.toDays() + " days");
        }
        Session session = new Session(sessionId.toString(), details, token.hash(), now.plus(invitationTtl), now);
        SessionLogged event = new SessionLogged(eventId, now, details.agencyId(), session.sessionId,
                details.programId(), details.specialistId(), details.participantPseudonym(), details.sessionAt(),
                details.durationMinutes(), details.channel(), details.activity(), details.focusAreas(),
                details.strengthsNoted(), details.valuesPracticed(), details.framework(),
                new SessionLogged.InvitationIssued(token.hash(), session.invitationExpiresAt));
        return new Logged(session, event);
    }

    /** A session just logged and the fact that says so. */
    public record Logged(Session session, SessionLogged event) {
    }
}
