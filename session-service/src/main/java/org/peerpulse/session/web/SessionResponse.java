package org.peerpulse.session.web;

import java.time.Instant;
import java.util.List;
import org.peerpulse.contracts.FocusArea;
import org.peerpulse.session.domain.Session;

/** One session as the agency sees it: no participant pseudonym, no token or its hash. */
record SessionResponse(
        String sessionId,
        String programId,
        String specialistId,
        Instant occurredAt,
        int durationMinutes,
        String channel,
        String activity,
        List<String> focusAreas,
        List<String> strengthsNoted,
        List<String> valuesPracticed,
        Instant loggedAt,
        Instant feedbackExpiresAt) {

    static SessionResponse of(Session session) {
        return new SessionResponse(session.sessionId(), session.programId(), session.specialistId(),
                session.sessionAt(), session.durationMinutes(), session.channel().name(), session.activity().name(),
                session.focusAreas().stream().map(FocusArea::name).toList(), session.strengthsNoted(),
                session.valuesPracticed(), session.loggedAt(), session.invitationExpiresAt());
    }
}
