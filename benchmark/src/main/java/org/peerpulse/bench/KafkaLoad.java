package org.peerpulse.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.peerpulse.contracts.EventTypes;
import org.peerpulse.contracts.PeerPulseEvent;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.SessionVoided;
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

    /** How often one event is sent before a refusal counts as the run's failure. */
    private static final int MAX_ATTEMPTS = 5;

    private final KafkaProducer<String, String> producer;
    private final EventCodec codec = new EventCodec();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Queue<Refused> refused = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sentAgain = new AtomicInteger();

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
        sendRefusedAgain();
        send(Topics.SESSIONS, pair.logged());
        send(Topics.FEEDBACK, pair.answered());
    }

    /** A session's events in real use, each on its topic. */
    void send(SyntheticMonth.RealUse session) {
        sendRefusedAgain();
        for (PeerPulseEvent event : session.events()) {
            send(topicOf(event), event);
        }
    }

    /** Sessions and their corrections on the sessions topic, answers and their withdrawals on the feedback topic. */
    static String topicOf(PeerPulseEvent event) {
        return event instanceof SessionLogged || event instanceof SessionVoided ? Topics.SESSIONS : Topics.FEEDBACK;
    }

    /** The JSON value a record of this event carries. */
    String json(PeerPulseEvent event) {
        return codec.write(event);
    }

    /** Waits for every send so far; fails if any was refused. */
    void flush() {
        producer.flush();
        while (!refused.isEmpty()) {
            sendRefusedAgain();
            producer.flush();
        }
        Exception failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("the broker refused a benchmark event", failed);
        }
    }

    /** Events sent a second time or more because the broker refused an earlier send. */
    int sentAgain() {
        return sentAgain.get();
    }

    private void send(String topic, PeerPulseEvent event) {
        send(EventRecords.of(topic, event.agencyId(), event.eventId().toString(), EventTypes.typeOf(event),
                event.occurredAt(), "/peerpulse/benchmark", codec.write(event)), 1);
    }

    /**
     * A refused send is sent again from the sending thread, as the outbox relay sends a refused event again on its
     * next poll (never from the producer's callback, which must not block). The local broker has refused a new
     * producer's first batches with OUT_OF_ORDER_SEQUENCE (it handed out a producer id still known with a later
     * sequence), which the client gives up on after its retries.
     */
    private void send(ProducerRecord<String, String> record, int attempt) {
        producer.send(record, (metadata, exception) -> {
            if (exception == null) {
                return;
            }
            if (attempt >= MAX_ATTEMPTS) {
                failure.compareAndSet(null, exception);
            } else {
                refused.add(new Refused(record, attempt + 1));
            }
        });
    }

    private void sendRefusedAgain() {
        for (Refused again = refused.poll(); again != null; again = refused.poll()) {
            sentAgain.incrementAndGet();
            send(again.record(), again.attempt());
        }
    }

    private record Refused(ProducerRecord<String, String> record, int attempt) {
    }

    @Override
    public void close() {
        producer.close();
    }
}
