package org.peerpulse.platform.outbox;

import io.micrometer.core.instrument.Counter;
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
 * What an ops engineer asks of an outbox: how many events are waiting to leave, how long an event took
 * from the moment it happened until the broker acknowledged it, and how many the broker refused for good
 * and the relay parked. The backlog is what the relay holding the collection's lease saw at its last poll
 * (every {@code peerpulse.outbox.poll-interval}, at most five seconds apart while the broker is down), so a
 * scrape never reads MongoDB itself; an instance without the lease reports 0, so the maximum over
 * instances is the holder's. Tagged by collection only: a bounded, declared list, never an event, agency or
 * document id, and never the refusal (it is in the parked entry).
 */
public final class OutboxMeters {

    static final String BACKLOG = "peerpulse.outbox.backlog";
    static final String RELAY_DELAY = "peerpulse.outbox.relay.delay";
    static final String PARKED = "peerpulse.outbox.parked";

    /** Buckets for the usual milliseconds and for the minutes of a broker outage; few, so a scrape stays small. */
    private static final Duration[] RELAY_DELAY_BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5),
        Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10)};

    private final Map<String, AtomicLong> backlog = new LinkedHashMap<>();
    private final Map<String, Counter> parked = new LinkedHashMap<>();
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
            parked.put(collection, Counter.builder(PARKED)
                    .description("Outbox entries the broker refused for good (too large, not authorised), moved to "
                            + "the document's outboxParked until an operator sends them again")
                    .tag("collection", collection)
                    .register(registry));
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

    void parked(String collection) {
        Counter counter = parked.get(collection);
        if (counter != null) {
            counter.increment();
        }
    }

    void acknowledged(Instant occurredAt) {
        relayDelay.record(Duration.between(occurredAt, clock.instant()));
    }
}
