package org.peerpulse.indicators.agencies.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

/** Each agency's time zone (UTC unless it set one): which day an instant belongs to, and what today is. */
public final class AgencyCalendar {

    private final ZoneId defaultZone;
    private final Map<String, ZoneId> zones;

    public AgencyCalendar(Map<String, ZoneId> zones) {
        this(ZoneOffset.UTC, zones);
    }

    public AgencyCalendar(ZoneId defaultZone, Map<String, ZoneId> zones) {
        this.defaultZone = defaultZone;
        this.zones = Map.copyOf(zones);
    }

    public ZoneId zoneOf(String agencyId) {
        return zones.getOrDefault(agencyId, defaultZone);
    }

    public LocalDate dayOf(String agencyId, Instant instant) {
        return LocalDate.ofInstant(instant, zoneOf(agencyId));
    }

    public LocalDate today(String agencyId, Clock clock) {
        return LocalDate.ofInstant(clock.instant(), zoneOf(agencyId));
    }

}
