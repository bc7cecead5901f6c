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
 * Something a quality lead must look at, with its audit trail and its webhook notification. It names where to
 * look (agency, program, specialist, and for a harm report the session and its date) and never anything about
 * the participant.
 *
 * <p>A harm report's alert has the id the contract derives from the feedback's event id
 * ({@link FeedbackSubmitted#harmAlertId}), so a redelivered or replayed
 * feedback names the same alert and can never open a second one. An index floor alert is for the agency
 * ({@code programId == null}) or one program, and carries the index and floor that opened it. A fall alert is
 * for one program or one specialist (then {@code programId == null}: a specialist's figures span their
 * programs), and carries the value before ({@code previous}) and now ({@code index}), and for an item mean
 * the item.
 *
 * @param item the item's code of an {@link AlertKind#ITEM_MEAN_FELL} alert, else {@code null}
 * @param previous a fall alert's value in the period before, else {@code null}
 * @param index an index alert's index now, or a fall alert's value now (an index or an item mean)
 * @param history every state the alert was in, oldest first; the last one is {@code state}
 * @param delivery where its webhook notification stands
 */
public record Alert(UUID id, AlertKind kind, String agencyId, String programId, String specialistId,
        String sessionId, LocalDate sessionDate, String item, Double previous, Double index, Double floor,
        Instant openedAt, AlertState state, List<AlertChange> history, Delivery delivery) {

    /** Who opened an alert that no person opened: metrics-service, on reading the event. */
    public static final String OPENED_BY = "metrics-service";

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Cell.requireId(agencyId, "agencyId");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(delivery, "delivery");
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
            if (item != null || previous != null || index != null || floor != null) {
                throw new IllegalArgumentException("a harm report's alert carries no figures");
            }
        } else {
            if (sessionId != null || sessionDate != null) {
                throw new IllegalArgumentException("an index or fall alert is about a scope, not a session");
            }
            if (programId != null) {
                Cell.requireId(programId, "programId");
            }
            Objects.requireNonNull(index, "index");
            if (kind.isIndexFloor()) {
                if (specialistId != null || item != null || previous != null) {
                    throw new IllegalArgumentException("a floor alert is about an agency or a program");
                }
                Objects.requireNonNull(floor, "floor");
            } else {
                Cell.requireId(programId == null ? specialistId : programId, "programId or specialistId");
                if (programId != null && specialistId != null) {
                    throw new IllegalArgumentException("a fall alert is about one program or one specialist");
                }
                if ((kind == AlertKind.ITEM_MEAN_FELL) != (item != null) || floor != null) {
                    throw new IllegalArgumentException("a fall alert names its item only for an item mean, and no floor");
                }
                Objects.requireNonNull(previous, "previous");
            }
        }
    }

    /**
     * The alert a harm report opens, whether or not its session counts: a session voided before or after
     * the report still had a participant who said they were harmed, so safety comes first.
     */
    public static Alert harmReport(ReceivedFeedback feedback, LocalDate sessionDate, Instant at, Delivery delivery) {
        if (!feedback.harmReported()) {
            throw new IllegalArgumentException("this feedback reports no harm");
        }
        Cell cell = feedback.cell();
        return new Alert(FeedbackSubmitted.harmAlertId(feedback.eventId()), AlertKind.HARM_REPORT, cell.agencyId(), cell.programId(),
                cell.specialistId(), feedback.sessionId(), sessionDate, null, null, null, null, at, AlertState.OPEN,
                List.of(new AlertChange(AlertState.OPEN, OPENED_BY, at)), delivery);
    }

    /** The alert of an agency's ({@code programId == null}) or a program's index below its floor. */
    public static Alert indexBelowFloor(UUID id, FloorBreach breach, String agencyId, String programId, Instant at,
            Delivery delivery) {
        return new Alert(id, breach.kind(), agencyId, programId, null, null, null, null, null, breach.index(),
                breach.floor(), at, AlertState.OPEN, List.of(new AlertChange(AlertState.OPEN, OPENED_BY, at)), delivery);
    }

    /** The alert of a program's ({@code specialistId == null}) or a specialist's fall, with its derived id. */
    public static Alert fell(UUID id, Fall fall, String agencyId, String programId, String specialistId, Instant at,
            Delivery delivery) {
        return new Alert(id, fall.kind(), agencyId, programId, specialistId, null, null, fall.item(), fall.previous(),
                fall.current(), null, at, AlertState.OPEN, List.of(new AlertChange(AlertState.OPEN, OPENED_BY, at)),
                delivery);
    }

    /** This alert moved to {@code next} by {@code by} at {@code at}, or refused if its state does not lead there. */
    public Alert moveTo(AlertState next, String by, Instant at) {
        if (!state.canMoveTo(next)) {
            throw new AlertTransitionRefused(state, next);
        }
        List<AlertChange> changes = new ArrayList<>(history);
        changes.add(new AlertChange(next, by, at));
        return new Alert(id, kind, agencyId, programId, specialistId, sessionId, sessionDate, item, previous, index,
                floor, openedAt, next, changes, delivery);
    }

    public AlertChange lastChange() {
        return history.get(history.size() - 1);
    }
}
