package org.peerpulse.indicators.dashboards.domain;

/** A dashboard was asked for something that has no answer, such as a period that ends before it starts. */
public class InvalidDashboardRequest extends RuntimeException {

    private final String parameter;

    public InvalidDashboardRequest(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
