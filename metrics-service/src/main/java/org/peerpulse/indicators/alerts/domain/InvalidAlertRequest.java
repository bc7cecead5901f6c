package org.peerpulse.indicators.alerts.domain;

/** An alert request that has no answer, such as a state that does not exist or a page too large. */
public class InvalidAlertRequest extends RuntimeException {

    private final String parameter;

    public InvalidAlertRequest(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
