package org.peerpulse.indicators.agencies.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Each agency's time zone (UTC unless it set one): which day an instant belongs to, and what today is. The
 * zone is the agency's current one: an event counted after a change of zone is counted in the new zone's day,
 * while rollups counted before stay on the days they were counted under until a rebuild counts them again
 * (decision 0013).
 */
public final class AgencyCalendar {

    private final Agencies agencies;

    public AgencyCalendar(Agencies agencies) {
        this.agencies = agencies;
    }

    public ZoneId zoneOf(String agencyId) {
        return agencies.of(agencyId).zone();
    }

    public LocalDate dayOf(String agencyId, Instant instant) {
        return LocalDate.ofInstant(instant, zoneOf(agencyId));
    }

    public LocalDate today(String agencyId, Clock clock) {
        return LocalDate.ofInstant(clock.instant(), zoneOf(agencyId));
    }
}
