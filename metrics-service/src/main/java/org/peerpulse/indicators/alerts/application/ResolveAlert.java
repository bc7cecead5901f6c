package org.peerpulse.indicators.alerts.application;

import java.time.Clock;

import org.peerpulse.indicators.alerts.domain.Alert;
import org.peerpulse.indicators.alerts.domain.AlertState;
import org.peerpulse.indicators.alerts.domain.Alerts;

/**
 * A quality lead closes an open or acknowledged alert; who and when go into its history. Once resolved,
 * an index alert no longer holds back a new one for the same index and scope. Throws
 * {@code AlertNotFound} for an id not in their agency and {@code AlertTransitionRefused} for an alert
 * already resolved.
 */
public class ResolveAlert {

    private final AlertTransition transition;

    public ResolveAlert(Alerts alerts, Clock clock) {
        this.transition = new AlertTransition(alerts, clock);
    }

    public Alert resolve(AlertCommand command) {
        return transition.move(command, AlertState.RESOLVED);
    }
}
