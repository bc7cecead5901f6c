package org.peerpulse.indicators.agencies.domain;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Agencies' settings held in a map, for use-case tests: {@link #set} is a quality lead saving new settings
 * while the service runs.
 */
public final class InMemoryAgencies implements Agencies {

    private final AgencySettings defaults;
    private final Map<String, AgencySettings> settings = new ConcurrentHashMap<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    public InMemoryAgencies() {
        this(AgencySettings.DEFAULTS);
    }

    /** Every agency that set nothing gets {@code defaults}. */
    public InMemoryAgencies(AgencySettings defaults) {
        this.defaults = defaults;
    }

    /** Only {@code agencyId} counts in {@code zone}; the rest keep the defaults. */
    public static InMemoryAgencies inZone(String agencyId, ZoneId zone) {
        return new InMemoryAgencies().set(agencyId, settings(zone, 5));
    }

    /** The defaults but for the zone and the dashboards' k. */
    public static AgencySettings settings(ZoneId zone, int k) {
        return new AgencySettings(zone, new SmallCellRule(k), new SmallCellRule(Math.max(k, 11)), Set.of(), null,
                null);
    }

    public InMemoryAgencies set(String agencyId, AgencySettings agencySettings) {
        settings.put(agencyId, agencySettings);
        listeners.forEach(listener -> listener.accept(agencyId));
        return this;
    }

    @Override
    public void onChange(Consumer<String> listener) {
        listeners.add(listener);
    }

    @Override
    public AgencySettings of(String agencyId) {
        return settings.getOrDefault(agencyId, defaults);
    }

    public AgencyCalendar calendar() {
        return new AgencyCalendar(this);
    }
}
