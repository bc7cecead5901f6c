package org.peerpulse.indicators.alerts.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of an alert's audit trail.
 *
 * @param by the token subject of whoever made the change, or {@link Alert#OPENED_BY} for an alert opened
 *     by metrics-service itself
 */
public record AlertChange(AlertState state, String by, Instant at) {

    public AlertChange {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        if (by == null || by.isBlank() || by.length() > 200) {
            throw new IllegalArgumentException("by is required and at most 200 characters");
        }
    }
}
