package org.peerpulse.bench;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.peerpulse.contracts.EventTypes;
import org.peerpulse.contracts.PeerPulseEvent;
import org.peerpulse.contracts.Topics;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.platform.messaging.EventRecords;

/**
 * Puts events on the two topics exactly as the services' outbox relay does (same codec, CloudEvents
 * headers, agency key, {@code acks=all}, idempotent), only faster: batched and without a database in
 * front, so that the benchmark measures what consumes them.
 */
final class KafkaLoad implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final EventCodec codec = new EventCodec();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    KafkaLoad(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 131_072,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new StringSerializer(), new StringSerializer());
    }

    void send(SyntheticMonth.Pair pair) {
        send(Topics.SESSIONS, pair.logged());
        send(Topics.FEEDBACK, pair.answered());
    }

    /** Waits for every send so far; fails if any was refused. */
    void flush() {
        producer.flush();
        Exception failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("the broker refused a benchmark event", failed);
        }
    }

    private void send(String topic, PeerPulseEvent event) {
        producer.send(EventRecords.of(topic, event.agencyId(), event.eventId().toString(), EventTypes.typeOf(event),
                event.occurredAt(), "/peerpulse/benchmark", codec.write(event)), (metadata, exception) -> {
                    if (exception != null) {
                        failure.compareAndSet(null, exception);
                    }
                });
    }

    @Override
    public void close() {
        producer.close();
    }
}
