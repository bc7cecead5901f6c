package org.peerpulse.indicators.counting.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.peerpulse.contracts.Activity;
import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.contracts.FeedbackWithdrawn;
import org.peerpulse.contracts.FocusArea;
import org.peerpulse.contracts.PeerPulseEvent;
import org.peerpulse.contracts.SessionContribution;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.SessionVoided;
import org.peerpulse.indicators.counting.domain.Cell;
import org.peerpulse.indicators.counting.domain.IndicatorEvent;
import org.peerpulse.indicators.counting.domain.LoggedSession;
import org.peerpulse.indicators.counting.domain.ReceivedFeedback;
import org.peerpulse.indicators.counting.domain.VoidedSession;
import org.peerpulse.indicators.counting.domain.WithdrawnFeedback;
import org.peerpulse.platform.messaging.UnreadableEventException;

/**
 * Contract events to the facts the indicators count; an event that does not fit them is unreadable. A void
 * and a withdrawal become the session and the answer they take back, as those were counted.
 */
final class IndicatorFacts {

    private IndicatorFacts() {
    }

    /** Empty for events the indicators do not count (none so far; a later contract type may be). */
    static Optional<IndicatorEvent> of(PeerPulseEvent event) {
        try {
            if (event instanceof SessionLogged logged) {
                return Optional.of(session(logged.eventId(), logged.sessionId(),
                        new Cell(logged.agencyId(), logged.programId(), logged.specialistId()), logged.sessionAt(),
                        logged.contribution()));
            }
            if (event instanceof SessionVoided voided) {
                return Optional.of(new VoidedSession(voided.eventId(), session(voided.eventId(), voided.sessionId(),
                        new Cell(voided.agencyId(), voided.programId(), voided.specialistId()), voided.sessionAt(),
                        voided.contributed())));
            }
            if (event instanceof FeedbackSubmitted feedback) {
                return Optional.of(new ReceivedFeedback(feedback.eventId(), feedback.sessionId(),
                        new Cell(feedback.agencyId(), feedback.programId(), feedback.specialistId()),
                        feedback.sessionAt(), feedback.ratings(), feedback.hope(), feedback.harmReported(),
                        feedback.occurredAt()));
            }
            if (event instanceof FeedbackWithdrawn withdrawn) {
                return Optional.of(new WithdrawnFeedback(withdrawn.eventId(), new ReceivedFeedback(withdrawn.withdrawnEventId(),
                        withdrawn.sessionId(),
                        new Cell(withdrawn.agencyId(), withdrawn.programId(), withdrawn.specialistId()),
                        withdrawn.sessionAt(), withdrawn.ratings(), withdrawn.hope(), withdrawn.harmReported(),
                        withdrawn.occurredAt())));
            }
            return Optional.empty();
        } catch (IllegalArgumentException | NullPointerException e) {
            // The message is ours and names no value, but the cause is dropped anyway by the exception.
            throw new UnreadableEventException("event does not fit the indicators", e);
        }
    }

    private static LoggedSession session(UUID eventId, String sessionId, Cell cell, Instant sessionAt,
            SessionContribution contribution) {
        Activity activity = contribution.activity();
        List<FocusArea> focus = contribution.focusAreas();
        return new LoggedSession(eventId, sessionId, cell, sessionAt, contribution.durationMinutes(),
                activity != null && activity.isPeerWork(), contribution.strengthsAcknowledged(),
                focus.stream().anyMatch(FocusArea::isRecoveryFocus), contribution.invitations() > 0);
    }
}
