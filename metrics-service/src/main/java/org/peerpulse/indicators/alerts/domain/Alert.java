package org.peerpulse.indicators.alerts.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.indicators.counting.domain.Cell;
import org.peerpulse.indicators.counting.domain.ReceivedFeedback;

/**
 * Something a quality lead must look at, with its audit trail. It names where to look (agency, program,
 * specialist, and for a harm report the session and its date) and never anything about the participant.
 *
 * <p>A harm report's alert has an id derived from the feedback's event id, so a redelivered or replayed
 * feedback names the same alert and can never open a second one. An index alert is for the agency
 * ({@code programId == null}) or one program, and carries the index and floor that opened it.
 *
 * @param history every state the alert was in, oldest first; the last one is {@code state}
 */
public record Alert(UUID id, AlertKind kind, String agencyId, String programId, String specialistId,
        String sessionId, LocalDate sessionDate, Double index, Double floor, Instant openedAt, AlertState state,
        List<AlertChange> history) {

    /** Who opened an alert that no person opened: metrics-service, on reading the event. */
    public static final String OPENED_BY = "metrics-service";

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Cell.requireId(agencyId, "agencyId");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(state, "state");
        history = List.copyOf(history);
        if (history.isEmpty() || history.get(0).state() != AlertState.OPEN
                || history.get(history.size() - 1).state() != state) {
            throw new IllegalArgumentException("the history starts open and ends in the alert's state");
        }
        if (kind == AlertKind.HARM_REPORT) {
            Cell.requireId(programId, "programId");
            Cell.requireId(specialistId, "specialistId");
            Cell.requireId(sessionId, "sessionId");
            Objects.requireNonNull(sessionDate, "sessionDate");
        } else {
            if (programId != null) {
                Cell.requireId(programId, "programId");
            }
            if (specialistId != null || sessionId != null || sessionDate != null) {
                throw new IllegalArgumentException("an index alert is about an agency or a program, not a session");
            }
            Objects.requireNonNull(index, "index");
            Objects.requireNonNull(floor, "floor");
        }
    }

    /**
     * The alert a harm report opens, whether or not its session counts: a session voided before or after
     * the report still had a participant who said they were harmed, so safety comes first.
     */
    public static Alert harmReport(ReceivedFeedback feedback, LocalDate sessionDate, Instant at) {
        if (!feedback.harmReported()) {
            throw new IllegalArgumentException("this feedback reports no harm");
        }
        Cell cell = feedback.cell();
        return new Alert(harmReportId(feedback.eventId()), AlertKind.HARM_REPORT, cell.agencyId(), cell.programId(),
                cell.specialistId(), feedback.sessionId(), sessionDate, null, null, at, AlertState.OPEN,
                List.of(new AlertChange(AlertState.OPEN, OPENED_BY, at)));
    }

    /** The alert of an agency's ({@code programId == null}) or a program's index below its floor. */
    public static Alert indexBelowFloor(UUID id, FloorBreach breach, String agencyId, String programId, Instant at) {
        return new Alert(id, breach.kind(), agencyId, programId, null, null, null, breach.index(), breach.floor(), at,
                AlertState.OPEN, List.of(new AlertChange(AlertState.OPEN, OPENED_BY, at)));
    }

    /**
     * The one id a harm report's alert can have: the same feedback event, read any number of times, names it,
     * and feedback-service finds the participant's words by it (the rule lives in the contract).
     */
    public static UUID harmReportId(UUID feedbackEventId) {
        return FeedbackSubmitted.harmAlertId(feedbackEventId);
    }

    /** This alert moved to {@code next} by {@code by} at {@code at}, or refused if its state does not lead there. */
    public Alert moveTo(AlertState next, String by, Instant at) {
        if (!state.canMoveTo(next)) {
            throw new AlertTransitionRefused(state, next);
        }
        List<AlertChange> changes = new ArrayList<>(history);
        changes.add(new AlertChange(next, by, at));
        return new Alert(id, kind, agencyId, programId, specialistId, sessionId, sessionDate, index, floor, openedAt,
                next, changes);
    }

    public AlertChange lastChange() {
        return history.get(history.size() - 1);
    }
}
