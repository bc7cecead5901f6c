package org.peerpulse.indicators.counting.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.peerpulse.contracts.Topics;
import org.peerpulse.indicators.counting.application.AppliedBatch;
import org.peerpulse.indicators.counting.domain.SourcePosition;
import org.springframework.stereotype.Component;

/**
 * How fresh the indicators are and how much each batch moves them: for every event newly counted, the time
 * from when it happened ({@code occurredAt}) until its rollups were written, and per batch the number of
 * events counted. A redelivered event or a copy changed nothing and is not timed again. Tagged by topic
 * only; histogram buckets are few and fixed, so Prometheus can take quantiles across instances.
 */
@Component
class IngestMeters {

    private static final Duration[] FRESHNESS_BUCKETS = {Duration.ofSeconds(1), Duration.ofSeconds(5),
        Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5),
        Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(6)};
    private static final double[] BATCH_BUCKETS = {1, 5, 10, 50, 100, 250, 500};

    private final Map<String, Timer> freshness = new HashMap<>();
    private final Map<String, DistributionSummary> batchEvents = new HashMap<>();
    private final Clock clock;

    IngestMeters(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        for (String topic : List.of(Topics.SESSIONS, Topics.FEEDBACK)) {
            freshness.put(topic, Timer.builder("peerpulse.indicators.freshness")
                    .description("From an event's occurredAt to its rollups being written (counted events only)")
                    .tag("topic", topic)
                    .serviceLevelObjectives(FRESHNESS_BUCKETS)
                    .register(registry));
            batchEvents.put(topic, DistributionSummary.builder("peerpulse.indicators.batch.events")
                    .description("Events newly counted per consumed batch")
                    .tag("topic", topic)
                    .serviceLevelObjectives(BATCH_BUCKETS)
                    .register(registry));
        }
    }

    void applied(String topic, AppliedBatch applied, Map<SourcePosition, Instant> occurredAt) {
        DistributionSummary events = batchEvents.get(topic);
        if (events != null) {
            events.record(applied.eventsCounted());
        }
        Instant now = clock.instant();
        for (SourcePosition position : applied.counted()) {
            Timer timer = freshness.get(position.partition().topic());
            Instant happened = occurredAt.get(position);
            if (timer != null && happened != null) {
                timer.record(Duration.between(happened, now));
            }
        }
    }
}
