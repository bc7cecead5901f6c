package org.peerpulse.indicators.dashboards.application;

import java.time.LocalDate;
import java.util.Objects;

import org.peerpulse.indicators.dashboards.domain.Granularity;
import org.peerpulse.indicators.dashboards.domain.Scope;

/**
 * A dashboard request of a caller of {@code agencyId}; the agency comes from the caller's token only.
 *
 * @param from first day, inclusive, or {@code null} for 30 days before {@code to}
 * @param to last day, inclusive, or {@code null} for today in the agency's time zone
 */
public record DashboardQuery(String agencyId, Scope scope, LocalDate from, LocalDate to, Granularity granularity) {

    public DashboardQuery {
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(scope, "scope");
        granularity = granularity == null ? Granularity.DAY : granularity;
    }
}
