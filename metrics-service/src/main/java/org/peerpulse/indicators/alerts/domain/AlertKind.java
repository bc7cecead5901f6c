package org.peerpulse.indicators.alerts.domain;

/**
 * Why an alert was opened: a participant reported harm, an index of a scope fell below its agency's floor, or
 * an item mean or index fell against the period before.
 */
public enum AlertKind {
    HARM_REPORT,
    VALUES_INDEX_BELOW_FLOOR,
    TRUST_INDEX_BELOW_FLOOR,
    /** An item's mean (a value, a TRUST principle or hope) fell by a point or more. */
    ITEM_MEAN_FELL,
    VALUES_INDEX_FELL,
    TRUST_INDEX_FELL;

    public boolean isIndexFloor() {
        return this == VALUES_INDEX_BELOW_FLOOR || this == TRUST_INDEX_BELOW_FLOOR;
    }

    public boolean isFall() {
        return this == ITEM_MEAN_FELL || this == VALUES_INDEX_FELL || this == TRUST_INDEX_FELL;
    }
}
