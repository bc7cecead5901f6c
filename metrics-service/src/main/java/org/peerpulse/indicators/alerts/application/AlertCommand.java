package org.peerpulse.indicators.alerts.application;

import java.util.Objects;
import java.util.UUID;

/**
 * A quality lead's change to one alert of their own agency.
 *
 * @param agencyId the caller's agency, from their token only
 * @param by the caller's token subject, written into the alert's history
 */
public record AlertCommand(String agencyId, UUID alertId, String by) {

    public AlertCommand {
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(alertId, "alertId");
        if (by == null || by.isBlank()) {
            throw new IllegalArgumentException("by is required");
        }
    }
}
