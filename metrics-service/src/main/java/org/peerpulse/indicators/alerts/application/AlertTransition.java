package org.peerpulse.indicators.alerts.application;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.peerpulse.indicators.alerts.domain.Alert;
import org.peerpulse.indicators.alerts.domain.AlertNotFound;
import org.peerpulse.indicators.alerts.domain.AlertState;
import org.peerpulse.indicators.alerts.domain.Alerts;

/**
 * Read, decide, write only if nobody moved the alert meanwhile; on losing that race, decide again from
 * what the winner wrote. Two quality leads acknowledging at once: one wins, the other finds it
 * acknowledged and is refused; nothing is written twice and no change is lost.
 */
final class AlertTransition {

    /** Each lost race means another change was written; an alert has at most two. */
    private static final int ATTEMPTS = 3;

    private final Alerts alerts;
    private final Clock clock;

    AlertTransition(Alerts alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    Alert move(AlertCommand command, AlertState next) {
        for (int attempt = 1; ; attempt++) {
            Alert current = alerts.find(command.agencyId(), command.alertId()).orElseThrow(AlertNotFound::new);
            // Milliseconds: what the store keeps, so the answer shows the time that is stored.
            Alert changed = current.moveTo(next, command.by(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
            Optional<Alert> written = alerts.change(changed, current.state());
            if (written.isPresent()) {
                return written.get();
            }
            if (attempt >= ATTEMPTS) {
                throw new IllegalStateException("the alert kept changing under this request");
            }
        }
    }
}
