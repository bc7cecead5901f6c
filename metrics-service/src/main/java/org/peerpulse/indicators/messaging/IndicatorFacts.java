package org.peerpulse.indicators.messaging;

import java.util.Optional;

import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.contracts.FocusArea;
import org.peerpulse.contracts.PeerPulseEvent;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.indicators.domain.Cell;
import org.peerpulse.indicators.domain.IndicatorEvent;
import org.peerpulse.indicators.domain.LoggedSession;
import org.peerpulse.indicators.domain.ReceivedFeedback;
import org.peerpulse.platform.messaging.UnreadableEventException;

/** Contract events to the facts the indicators count; an event that does not fit them is unreadable. */
final class IndicatorFacts {

    private IndicatorFacts() {
    }

    /** Empty for events the indicators do not count yet ({@code SessionVoided}: a later issue). */
    static Optional<IndicatorEvent> of(PeerPulseEvent event) {
        try {
            if (event instanceof SessionLogged logged) {
                return Optional.of(new LoggedSession(
                        new Cell(logged.agencyId(), logged.programId(), logged.specialistId()),
                        logged.sessionAt(),
                        logged.durationMinutes(),
                        logged.activity() != null && logged.activity().isPeerWork(),
                        !logged.strengthsNoted().isEmpty(),
                        logged.focusAreas().stream().anyMatch(FocusArea::isRecoveryFocus),
                        logged.invitation() != null));
            }
            if (event instanceof FeedbackSubmitted feedback) {
                return Optional.of(new ReceivedFeedback(
                        new Cell(feedback.agencyId(), feedback.programId(), feedback.specialistId()),
                        feedback.sessionAt(),
                        feedback.ratings(),
                        feedback.hope(),
                        feedback.harmReported()));
            }
            return Optional.empty();
        } catch (IllegalArgumentException | NullPointerException e) {
            // The message is ours and names no value, but the cause is dropped anyway by the exception.
            throw new UnreadableEventException("event does not fit the indicators", e);
        }
    }
}
