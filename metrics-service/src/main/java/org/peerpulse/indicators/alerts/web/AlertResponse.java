package org.peerpulse.indicators.alerts.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.peerpulse.indicators.alerts.domain.Alert;
import org.peerpulse.indicators.alerts.domain.AlertChange;

/**
 * An alert as the API shows it. Fields that do not apply to its kind are {@code null}: the session for an
 * index alert, the index for a harm report, the program for an agency-wide index. Nothing about the
 * participant exists to show.
 */
record AlertResponse(String id, String kind, String agencyId, String programId, String specialistId,
        String sessionId, LocalDate sessionDate, Double index, Double floor, Instant openedAt, String state,
        List<Change> history) {

    /** One line of the audit trail: the state entered, by whom (their token subject), when. */
    record Change(String state, String by, Instant at) {

        static Change of(AlertChange change) {
            return new Change(change.state().label(), change.by(), change.at());
        }
    }

    static AlertResponse of(Alert alert) {
        return new AlertResponse(alert.id().toString(), alert.kind().name(), alert.agencyId(), alert.programId(),
                alert.specialistId(), alert.sessionId(), alert.sessionDate(), alert.index(), alert.floor(),
                alert.openedAt(), alert.state().label(), alert.history().stream().map(Change::of).toList());
    }
}
