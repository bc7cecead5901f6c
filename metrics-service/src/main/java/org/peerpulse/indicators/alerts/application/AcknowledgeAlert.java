package org.peerpulse.indicators.alerts.application;

import java.time.Clock;

import org.peerpulse.indicators.alerts.domain.Alert;
import org.peerpulse.indicators.alerts.domain.AlertState;
import org.peerpulse.indicators.alerts.domain.Alerts;

/**
 * A quality lead says they have seen an open alert and are on it; who and when go into its history.
 * Throws {@code AlertNotFound} for an id not in their agency and {@code AlertTransitionRefused} for an
 * alert that is not open.
 */
public class AcknowledgeAlert {

    private final AlertTransition transition;

    public AcknowledgeAlert(Alerts alerts, Clock clock) {
        this.transition = new AlertTransition(alerts, clock);
    }

    public Alert acknowledge(AlertCommand command) {
        return transition.move(command, AlertState.ACKNOWLEDGED);
    }
}
