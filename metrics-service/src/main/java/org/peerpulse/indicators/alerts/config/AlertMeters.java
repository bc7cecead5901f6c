package org.peerpulse.indicators.alerts.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.peerpulse.indicators.alerts.persistence.HarmAlertBacklog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The harm meters: reports received, how long until a quality lead acknowledged one, and how many wait
 * unacknowledged now and for how long the oldest has. The waiting ones are read from MongoDB on a schedule
 * ({@code peerpulse.meters.harm-alert-refresh}, 15 s by default), never on a scrape; the oldest one's age
 * is worked out at scrape time from the cached time it was opened, so it keeps growing between reads.
 * No tags: an agency, program or session would name who was harmed where.
 */
public final class AlertMeters {

    private static final Logger log = LoggerFactory.getLogger(AlertMeters.class);
    private static final Duration[] ACKNOWLEDGEMENT_BUCKETS = {Duration.ofMinutes(15), Duration.ofHours(1),
        Duration.ofHours(4), Duration.ofHours(24)};

    private final HarmAlertBacklog backlog;
    private final Clock clock;
    private final Counter harmReports;
    private final Timer acknowledgement;
    private volatile HarmAlertBacklog.Unacknowledged waiting = new HarmAlertBacklog.Unacknowledged(0,
            Optional.empty());

    AlertMeters(MeterRegistry registry, HarmAlertBacklog backlog, Clock clock) {
        this.backlog = backlog;
        this.clock = clock;
        harmReports = Counter.builder("peerpulse.harm.reports")
                .description("Harm reports received (a redelivered report opens no second alert and is not counted)")
                .register(registry);
        acknowledgement = Timer.builder("peerpulse.harm.acknowledgement")
                .description("From a participant reporting harm (the alert's opening) to a quality lead acknowledging it")
                .serviceLevelObjectives(ACKNOWLEDGEMENT_BUCKETS)
                .register(registry);
        Gauge.builder("peerpulse.harm.unacknowledged", this, meters -> meters.waiting.count())
                .description("Harm alerts open and not yet acknowledged, as of the last refresh")
                .register(registry);
        Gauge.builder("peerpulse.harm.unacknowledged.oldest", this, AlertMeters::oldestAgeSeconds)
                .description("Age of the oldest unacknowledged harm alert in seconds; 0 when there is none")
                .baseUnit("seconds")
                .register(registry);
    }

    void harmReported() {
        harmReports.increment();
    }

    void acknowledged(Instant openedAt, Instant acknowledgedAt) {
        acknowledgement.record(Duration.between(openedAt, acknowledgedAt));
    }

    /** What each refresh runs: reads the waiting harm alerts again. */
    public void refresh() {
        waiting = backlog.unacknowledged();
    }

    private double oldestAgeSeconds() {
        return waiting.oldestOpenedAt()
                .map(opened -> Math.max(0, Duration.between(opened, clock.instant()).toMillis() / 1000.0))
                .orElse(0.0);
    }

    /** On Spring's task scheduler; the first read at start, so the gauges are right from the first scrape. */
    @Scheduled(fixedDelayString = "${peerpulse.meters.harm-alert-refresh:15s}")
    void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // The gauges keep the last values read; the next refresh tries again.
            log.warn("Could not read the unacknowledged harm alerts ({}); retrying at the next refresh",
                    e.getClass().getSimpleName());
        }
    }
}
