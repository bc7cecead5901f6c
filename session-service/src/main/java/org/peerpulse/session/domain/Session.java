package org.peerpulse.session.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.peerpulse.contracts.Activity;
import org.peerpulse.contracts.Channel;
import org.peerpulse.contracts.FocusArea;
import org.peerpulse.contracts.FrameworkRef;
import org.peerpulse.contracts.SessionLogged;

/**
 * A logged session. Created only through {@link #log}, which checks the rules and hands back the
 * {@link SessionLogged} fact to publish together with the session.
 */
public record Session(
        String sessionId,
        String agencyId,
        String programId,
        String specialistId,
        String participantPseudonym,
        Instant sessionAt,
        int durationMinutes,
        Channel channel,
        Activity activity,
        List<FocusArea> focusAreas,
        List<String> strengthsNoted,
        List<String> valuesPracticed,
        FrameworkRef framework,
        String invitationTokenHash,
        Instant invitationExpiresAt,
        Instant loggedAt,
        String loggedBy) {

    public static final int MAX_DURATION_MINUTES = 480;

    public Session {
        focusAreas = List.copyOf(focusAreas);
        strengthsNoted = List.copyOf(strengthsNoted);
        valuesPracticed = List.copyOf(valuesPracticed);
    }

    /**
     * Logs a session now.
     *
     * @param details what the specialist told us, already pseudonymised
     * @param token the invitation issued with it
     * @param invitationTtl how long the participant may answer
     */
    public static Logged log(SessionDetails details, InvitationToken token, Duration invitationTtl,
            Duration maxAge, Instant now, UUID sessionId, UUID eventId) {
        if (details.sessionAt().isAfter(now)) {
            throw new InvalidSessionException("occurredAt", "must not be in the future");
        }
        if (details.sessionAt().isBefore(now.minus(maxAge))) {
            throw new InvalidSessionException("occurredAt", "must be within the last " + maxAge.toDays() + " days");
        }
        Session session = new Session(sessionId.toString(), details.agencyId(), details.programId(),
                details.specialistId(), details.participantPseudonym(), details.sessionAt(),
                details.durationMinutes(), details.channel(), details.activity(), details.focusAreas(),
                details.strengthsNoted(), details.valuesPracticed(), details.framework(), token.hash(),
                now.plus(invitationTtl), now, details.loggedBy());
        SessionLogged event = new SessionLogged(eventId, now, session.agencyId, session.sessionId,
                session.programId, session.specialistId, session.participantPseudonym, session.sessionAt,
                session.durationMinutes, session.channel, session.activity, session.focusAreas,
                session.strengthsNoted, session.valuesPracticed, session.framework,
                new SessionLogged.InvitationIssued(token.hash(), session.invitationExpiresAt));
        return new Logged(session, event);
    }

    /** A session just logged and the fact that says so. */
    public record Logged(Session session, SessionLogged event) {
    }
}
