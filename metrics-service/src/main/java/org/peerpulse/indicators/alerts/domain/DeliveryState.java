package org.peerpulse.indicators.alerts.domain;

import java.util.Locale;

/** Where an alert's webhook notification stands. */
public enum DeliveryState {
    /** The agency set no webhook URL when the alert opened (or had removed it by the time it was due). */
    NOT_CONFIGURED,
    /** To be sent, or sent again after a failed try, at the delivery's next attempt. */
    PENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Given up: a 4xx that retrying will not change, or retries for longer than the bound. */
    FAILED;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
