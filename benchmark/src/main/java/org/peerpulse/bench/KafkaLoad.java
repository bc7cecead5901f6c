package org.peerpulse.bench;

import java.util.HashMap;
import java.util.List;
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
 * headers, agency key, {@code acks=all}, idempotent). For bulk loads it batches harder than the relay, so
 * that the benchmark measures what consumes them; for freshness it sends as the relay does.
 */
final class KafkaLoad implements AutoCloseable {

    /** Bulk loading, and the same settings for Kafka's ProducerPerformance, so the limit is like for like. */
    static final List<String> BULK_PRODUCER_PROPS = List.of("acks=all", "enable.idempotence=true", "linger.ms=20",
            "batch.size=131072", "compression.type=lz4");

    /** What the outbox relay sends with (peerpulse-platform.yml): the freshness run's producer. */
    static final List<String> RELAY_PRODUCER_PROPS = List.of("acks=all", "enable.idempotence=true", "linger.ms=5");

    private final KafkaProducer<String, String> producer;
    private final EventCodec codec = new EventCodec();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    KafkaLoad(String bootstrapServers) {
        this(bootstrapServers, BULK_PRODUCER_PROPS);
    }

    KafkaLoad(String bootstrapServers, List<String> props) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.forEach(prop -> config.put(prop.substring(0, prop.indexOf('=')), prop.substring(prop.indexOf('=') + 1)));
        producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    void send(SyntheticMonth.Pair pair) {
        send(Topics.SESSIONS, pair.logged());
        send(Topics.FEEDBACK, pair.answered());
    }

    /** The JSON value a record of this event carries. */
    String json(PeerPulseEvent event) {
        return codec.write(event);
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
