package org.peerpulse.indicators.alerts.domain;

/** No alert with that id in the caller's agency; another agency's alert is not found either. */
public class AlertNotFound extends RuntimeException {

    public AlertNotFound() {
        super("There is no such alert.");
    }
}
