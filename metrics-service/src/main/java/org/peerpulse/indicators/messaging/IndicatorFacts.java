package org.peerpulse.indicators.messaging;

import java.util.Optional;

import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.contracts.FocusArea;
import org.peerpulse.contracts.PeerPulseEvent;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.SessionVoided;
import org.peerpulse.indicators.domain.Cell;
import org.peerpulse.indicators.domain.IndicatorEvent;
import org.peerpulse.indicators.domain.LoggedSession;
import org.peerpulse.indicators.domain.ReceivedFeedback;
import org.peerpulse.indicators.domain.VoidedSession;
import org.peerpulse.platform.messaging.UnreadableEventException;

/** Contract events to the facts the indicators count; an event that does not fit them is unreadable. */
final class IndicatorFacts {

    private IndicatorFacts() {
    }

    /** Empty for events the indicators do not count (none so far; a later contract type may be). */
    static Optional<IndicatorEvent> of(PeerPulseEvent event) {
        try {
            if (event instanceof SessionLogged logged) {
                return Optional.of(new LoggedSession(logged.eventId(), logged.sessionId(),
                        new Cell(logged.agencyId(), logged.programId(), logged.specialistId()),
                        logged.sessionAt(),
                        logged.durationMinutes(),
                        logged.activity() != null && logged.activity().isPeerWork(),
                        !logged.strengthsNoted().isEmpty(),
                        logged.focusAreas().stream().anyMatch(FocusArea::isRecoveryFocus),
                        logged.invitation() != null));
            }
            if (event instanceof FeedbackSubmitted feedback) {
                return Optional.of(new ReceivedFeedback(feedback.eventId(), feedback.sessionId(),
                        new Cell(feedback.agencyId(), feedback.programId(), feedback.specialistId()),
                        feedback.sessionAt(),
                        feedback.ratings(),
                        feedback.hope(),
                        feedback.harmReported(),
                        feedback.occurredAt()));
            }
            if (event instanceof SessionVoided voided) {
                return Optional.of(new VoidedSession(voided.eventId(), voided.sessionId(),
                        new Cell(voided.agencyId(), voided.programId(), voided.specialistId()),
                        voided.sessionAt()));
            }
            return Optional.empty();
        } catch (IllegalArgumentException | NullPointerException e) {
            // The message is ours and names no value, but the cause is dropped anyway by the exception.
            throw new UnreadableEventException("event does not fit the indicators", e);
        }
    }
}
