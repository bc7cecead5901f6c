package org.peerpulse.indicators.alerts.domain;

/** An alert was asked to move where its state does not lead, such as acknowledging a resolved alert. */
public class AlertTransitionRefused extends RuntimeException {

    private final AlertState from;
    private final AlertState to;

    public AlertTransitionRefused(AlertState from, AlertState to) {
        super("An alert that is " + from.label() + " cannot become " + to.label() + ".");
        this.from = from;
        this.to = to;
    }

    public AlertState from() {
        return from;
    }

    public AlertState to() {
        return to;
    }
}
