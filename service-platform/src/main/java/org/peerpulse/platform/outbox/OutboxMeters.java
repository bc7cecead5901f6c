package org.peerpulse.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What an ops engineer asks of an outbox: how many events are waiting to leave, and how long an event
 * took from the moment it happened until the broker acknowledged it. The backlog is what the relay saw
 * at its last poll (every {@code peerpulse.outbox.poll-interval}, at most five seconds apart while the
 * broker is down), so a scrape never reads MongoDB itself. Tagged by collection only: a bounded, declared
 * list, never an event, agency or document id.
 */
public final class OutboxMeters {

    static final String BACKLOG = "peerpulse.outbox.backlog";
    static final String RELAY_DELAY = "peerpulse.outbox.relay.delay";

    /** Buckets for the usual milliseconds and for the minutes of a broker outage; few, so a scrape stays small. */
    private static final Duration[] RELAY_DELAY_BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5),
        Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10)};

    private final Map<String, AtomicLong> backlog = new LinkedHashMap<>();
    private final Timer relayDelay;
    private final Clock clock;

    public OutboxMeters(MeterRegistry registry, List<String> collections, Clock clock) {
        this.clock = clock;
        for (String collection : collections) {
            AtomicLong waiting = new AtomicLong();
            Gauge.builder(BACKLOG, waiting, AtomicLong::get)
                    .description("Outbox entries waiting to be published, as the relay saw them at its last poll")
                    .tag("collection", collection)
                    .register(registry);
            backlog.put(collection, waiting);
        }
        this.relayDelay = Timer.builder(RELAY_DELAY)
                .description("From an event's occurredAt to the broker's acknowledgement of its outbox entry")
                .serviceLevelObjectives(RELAY_DELAY_BUCKETS)
                .register(registry);
    }

    void waiting(String collection, long entries) {
        AtomicLong waiting = backlog.get(collection);
        if (waiting != null) {
            waiting.set(entries);
        }
    }

    void acknowledged(Instant occurredAt) {
        relayDelay.record(Duration.between(occurredAt, clock.instant()));
    }
}
