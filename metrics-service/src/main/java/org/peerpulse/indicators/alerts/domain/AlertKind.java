package org.peerpulse.indicators.alerts.domain;

/** Why an alert was opened: a participant reported harm, or an index of a scope fell below its agency's floor. */
public enum AlertKind {
    HARM_REPORT,
    VALUES_INDEX_BELOW_FLOOR,
    TRUST_INDEX_BELOW_FLOOR;

    public boolean isIndexFloor() {
        return this != HARM_REPORT;
    }
}
