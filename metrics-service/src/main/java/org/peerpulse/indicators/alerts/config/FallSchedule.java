package org.peerpulse.indicators.alerts.config;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.peerpulse.indicators.alerts.application.WatchFalls;
import org.peerpulse.indicators.alerts.domain.AlertKind;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the fall check every {@code peerpulse.indicators.fall-check-interval} (30 s unless set): it reads two
 * 30-day windows of each noted agency, so less often than the floors, and a fall is a trend, not an emergency.
 * Counts what it opens on {@code peerpulse.indicators.alerts.opened}, by kind.
 */
class FallSchedule {

    private final WatchFalls falls;
    private final Map<AlertKind, Counter> opened = new EnumMap<>(AlertKind.class);

    FallSchedule(WatchFalls falls, MeterRegistry registry) {
        this.falls = falls;
        for (AlertKind kind : AlertKind.values()) {
            if (kind.isFall()) {
                opened.put(kind, registry.counter("peerpulse.indicators.alerts.opened", "kind",
                        kind.name().toLowerCase(Locale.ROOT)));
            }
        }
    }

    @Scheduled(fixedDelayString = "${peerpulse.indicators.fall-check-interval:30s}")
    void check() {
        falls.check().forEach((kind, count) -> opened.get(kind).increment(count));
    }
}
