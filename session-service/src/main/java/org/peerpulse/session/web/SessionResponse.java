package org.peerpulse.session.web;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.peerpulse.contracts.FocusArea;
import org.peerpulse.session.domain.Session;
import org.peerpulse.session.domain.SessionDetails;

/** One session as the agency sees it: no participant pseudonym, no token or its hash, no void reason. */
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
        int attendees,
        Instant feedbackExpiresAt,
        boolean voided,
        Instant voidedAt) {

    static SessionResponse of(Session session) {
        SessionDetails details = session.details();
        return new SessionResponse(session.sessionId(), details.programId(), details.specialistId(),
                details.sessionAt(), details.durationMinutes(), details.channel().name(), details.activity().name(),
                details.focusAreas().stream().map(FocusArea::name).toList(), details.strengthsNoted(),
                details.valuesPracticed(), session.loggedAt(), session.invitations().size(),
                session.invitations().stream().map(Session.Invitation::expiresAt).max(Comparator.naturalOrder())
                        .orElse(null),
                session.voided(),
                session.voided() ? session.voiding().at() : null);
    }
}
