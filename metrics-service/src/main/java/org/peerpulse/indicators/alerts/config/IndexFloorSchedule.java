package org.peerpulse.indicators.alerts.config;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.peerpulse.indicators.alerts.application.WatchIndexFloors;
import org.peerpulse.indicators.alerts.domain.AlertKind;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the index-floor check every few seconds ({@code peerpulse.indicators.floor-check-interval}, 5 s unless
 * set), off the consumer's thread, and counts the alerts it opens on the same meter as the harm alerts the
 * listener opens ({@code peerpulse.indicators.alerts.opened}, by kind).
 */
class IndexFloorSchedule {

    private final WatchIndexFloors floors;
    private final Map<AlertKind, Counter> opened = new EnumMap<>(AlertKind.class);

    IndexFloorSchedule(WatchIndexFloors floors, MeterRegistry registry) {
        this.floors = floors;
        for (AlertKind kind : AlertKind.values()) {
            if (kind.isIndexFloor()) {
                opened.put(kind, registry.counter("peerpulse.indicators.alerts.opened", "kind",
                        kind.name().toLowerCase(Locale.ROOT)));
            }
        }
    }

    @Scheduled(fixedDelayString = "${peerpulse.indicators.floor-check-interval:5s}")
    void check() {
        floors.check().forEach((kind, count) -> opened.get(kind).increment(count));
    }
}
