package org.peerpulse.indicators.alerts.config;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.peerpulse.indicators.alerts.domain.Alert;
import org.peerpulse.indicators.alerts.domain.AlertKind;
import org.peerpulse.indicators.alerts.domain.AlertState;
import org.peerpulse.indicators.alerts.domain.Alerts;

/**
 * The alerts, counted where the store took the change: a harm report when its alert was newly opened (a
 * redelivery or replay finds it there and opens nothing), an acknowledgement when the conditional write
 * from open won, whichever door it came through (the API or the page). The use cases stay Micrometer-free.
 * A newly opened alert with a webhook notice nudges the dispatcher, so the notice leaves at once rather than
 * at the next poll.
 */
final class CountedAlerts implements Alerts {

    private final Alerts alerts;
    private final AlertMeters meters;
    private final Runnable noticeDue;

    /** @param noticeDue told when an alert opened with a webhook notice to send, after the store took both */
    CountedAlerts(Alerts alerts, AlertMeters meters, Runnable noticeDue) {
        this.alerts = alerts;
        this.meters = meters;
        this.noticeDue = noticeDue;
    }

    @Override
    public boolean open(Alert alert) {
        boolean opened = alerts.open(alert);
        if (opened && alert.kind() == AlertKind.HARM_REPORT) {
            meters.harmReported();
        }
        if (opened && alert.delivery().isPending()) {
            noticeDue.run();
        }
        return opened;
    }

    @Override
    public Optional<Alert> find(String agencyId, UUID id) {
        return alerts.find(agencyId, id);
    }

    @Override
    public Optional<Alert> change(Alert changed, AlertState expected) {
        Optional<Alert> written = alerts.change(changed, expected);
        written.filter(alert -> alert.kind() == AlertKind.HARM_REPORT && expected == AlertState.OPEN
                && alert.state() == AlertState.ACKNOWLEDGED)
                .ifPresent(alert -> meters.acknowledged(alert.openedAt(),
                        alert.history().get(alert.history().size() - 1).at()));
        return written;
    }

    @Override
    public List<Alert> list(String agencyId, AlertState state, int skip, int limit) {
        return alerts.list(agencyId, state, skip, limit);
    }
}
