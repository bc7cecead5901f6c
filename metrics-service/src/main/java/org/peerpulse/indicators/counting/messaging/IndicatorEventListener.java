package org.peerpulse.indicators.counting.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.peerpulse.contracts.Topics;
import org.peerpulse.indicators.counting.application.AppliedBatch;
import org.peerpulse.indicators.counting.application.EventBatch;
import org.peerpulse.indicators.counting.application.IngestBatch;
import org.peerpulse.indicators.counting.application.IngestedBatch;
import org.peerpulse.indicators.counting.domain.ConsumedEvent;
import org.peerpulse.indicators.counting.domain.SourcePartition;
import org.peerpulse.indicators.counting.domain.SourcePosition;
import org.peerpulse.platform.messaging.DeadLetters;
import org.peerpulse.platform.messaging.UnreadableEventException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Reads session and feedback records in batches: translate every record, take the readable ones in with
 * one {@link IngestBatch} call (their counts and the alerts they raise), then dead-letter the unreadable
 * ones. Dead letters go last so that a retried batch (after a database outage) does not publish them
 * twice. A well-formed event that counts nothing (fresh links for a session) is passed over as ignored.
 * Alert opens are counted by kind only: an id as a tag would name a session and grow without end.
 */
@Component
class IndicatorEventListener implements ConsumerSeekAware {

    private final DeadLetters deadLetters;
    private final IngestBatch ingestBatch;
    private final IngestMeters ingestMeters;
    private final Counter counted;
    private final Counter ignored;
    private final Counter deadLettered;
    private final Counter harmAlertsOpened;

    IndicatorEventListener(DeadLetters deadLetters, IngestBatch ingestBatch,
            MeterRegistry meters, IngestMeters ingestMeters) {
        this.deadLetters = deadLetters;
        this.ingestBatch = ingestBatch;
        this.ingestMeters = ingestMeters;
        this.counted = meters.counter("peerpulse.indicators.events", "outcome", "counted");
        this.ignored = meters.counter("peerpulse.indicators.events", "outcome", "ignored");
        this.deadLettered = meters.counter("peerpulse.indicators.events", "outcome", "dead_lettered");
        // The same meter as the index-floor alerts, which are opened off this path: tagged by kind only.
        this.harmAlertsOpened = meters.counter("peerpulse.indicators.alerts.opened", "kind", "harm_report");
    }

    @KafkaListener(id = "indicators-sessions", idIsGroup = false, topics = Topics.SESSIONS, batch = "true")
    void onSessions(List<ConsumerRecord<String, String>> records) {
        handle(records);
    }

    @KafkaListener(id = "indicators-feedback", idIsGroup = false, topics = Topics.FEEDBACK, batch = "true")
    void onFeedback(List<ConsumerRecord<String, String>> records) {
        handle(records);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        ingestBatch.released(partitions.stream()
                .map(partition -> new SourcePartition(partition.topic(), partition.partition()))
                .toList());
    }

    private void handle(List<ConsumerRecord<String, String>> records) {
        List<ConsumedEvent> events = new ArrayList<>(records.size());
        List<Unreadable> unreadable = new ArrayList<>();
        Map<SourcePosition, Instant> occurredAt = new HashMap<>();
        int countNothing = 0;
        for (ConsumerRecord<String, String> record : records) {
            try {
                Optional<IndicatorRecords.Counted> read = IndicatorRecords.read(record);
                if (read.isEmpty()) {
                    countNothing++;
                    continue;
                }
                SourcePosition position = SourcePosition.of(record.topic(), record.partition(), record.offset());
                events.add(new ConsumedEvent(position, read.get().event()));
                occurredAt.put(position, read.get().occurredAt());
            } catch (UnreadableEventException e) {
                unreadable.add(new Unreadable(record, e));
            }
        }
        IngestedBatch ingested = ingestBatch.ingest(new EventBatch(events));
        AppliedBatch applied = ingested.applied();
        if (!records.isEmpty()) {
            ingestMeters.applied(records.get(0).topic(), applied, occurredAt);
        }
        for (Unreadable bad : unreadable) {
            deadLetters.send(bad.record(), bad.reason());
        }
        counted.increment(applied.eventsCounted());
        // Read but changed nothing: a redelivery, a copy at a new offset, or an event that counts nothing.
        ignored.increment(events.size() - applied.eventsCounted() + countNothing);
        deadLettered.increment(unreadable.size());
        harmAlertsOpened.increment(ingested.harmAlertsOpened());
    }

    private record Unreadable(ConsumerRecord<String, String> record, UnreadableEventException reason) {
    }
}
