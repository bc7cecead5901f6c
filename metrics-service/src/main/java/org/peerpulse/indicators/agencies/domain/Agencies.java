package org.peerpulse.indicators.agencies.domain;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/** Every agency's settings: the ones it set, and the defaults for an agency that set nothing. */
public final class Agencies {

    private final AgencySettings defaults;
    private final Map<String, AgencySettings> configured;

    public Agencies(AgencySettings defaults, Map<String, AgencySettings> configured) {
        this.defaults = defaults;
        this.configured = Map.copyOf(configured);
    }

    public AgencySettings of(String agencyId) {
        return configured.getOrDefault(agencyId, defaults);
    }

    /** The calendars of the agencies that set a zone; every other agency counts in the default zone. */
    public AgencyCalendar calendar() {
        Map<String, ZoneId> zones = new HashMap<>();
        configured.forEach((id, settings) -> zones.put(id, settings.zone()));
        return new AgencyCalendar(defaults.zone(), zones);
    }
}
