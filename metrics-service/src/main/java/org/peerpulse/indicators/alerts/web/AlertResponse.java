package org.peerpulse.indicators.alerts.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.peerpulse.indicators.alerts.domain.Alert;
import org.peerpulse.indicators.alerts.domain.AlertChange;
import org.peerpulse.indicators.alerts.domain.Delivery;

/**
 * An alert as the API shows it. Fields that do not apply to its kind are {@code null}: the session for an
 * index or fall alert, the figures for a harm report, the program for an agency-wide index or a specialist's
 * fall, the item for anything but an item mean's fall. Nothing about the participant exists to show.
 *
 * @param previous a fall alert's value in the period before
 * @param index an index alert's index, or a fall alert's value now
 * @param delivery its webhook notification
 */
record AlertResponse(String id, String kind, String agencyId, String programId, String specialistId,
        String sessionId, LocalDate sessionDate, String item, Double previous, Double index, Double floor,
        Instant openedAt, String state, List<Change> history, Notification delivery) {

    /** One line of the audit trail: the state entered, by whom (their token subject), when. */
    record Change(String state, String by, Instant at) {

        static Change of(AlertChange change) {
            return new Change(change.state().label(), change.by(), change.at());
        }
    }

    /**
     * @param state {@code not-configured}, {@code pending}, {@code delivered} or {@code failed}
     * @param attempts requests sent so far
     * @param lastStatus the receiver's last HTTP status; {@code null} before any or when none came
     * @param nextAttemptAt when a pending notice is tried next
     */
    record Notification(String state, int attempts, Integer lastStatus, Instant lastAttemptAt, Instant nextAttemptAt) {

        static Notification of(Delivery delivery) {
            return new Notification(delivery.state().label(), delivery.attempts(), delivery.lastStatus(),
                    delivery.lastAttemptAt(), delivery.nextAttemptAt());
        }
    }

    static AlertResponse of(Alert alert) {
        return new AlertResponse(alert.id().toString(), alert.kind().name(), alert.agencyId(), alert.programId(),
                alert.specialistId(), alert.sessionId(), alert.sessionDate(), alert.item(), alert.previous(),
                alert.index(), alert.floor(), alert.openedAt(), alert.state().label(),
                alert.history().stream().map(Change::of).toList(), Notification.of(alert.delivery()));
    }
}
