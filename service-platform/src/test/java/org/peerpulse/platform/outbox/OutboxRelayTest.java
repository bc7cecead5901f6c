package org.peerpulse.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peerpulse.infra.mongo.DocumentStore;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * The relay against the embedded store and a producer whose acknowledgements the test hands out: a send
 * that outlasts the relay's wait is waited for again, never sent a second time, and the entry leaves the
 * outbox only once acknowledged.
 */
class OutboxRelayTest {

    private final DocumentStore store = DocumentStore.inMemory(0);
    private final MongoClient client = MongoClients.create(store.connectionString());
    private final MongoTemplate mongo = new MongoTemplate(client, "relay-test");
    private final HeldSends kafka = new HeldSends();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final OutboxRelay relay = new OutboxRelay(mongo, kafka,
            new OutboxProperties(List.of("sessions"), null, null, "/test", Duration.ofMillis(50)),
            new OutboxMeters(registry, List.of("sessions"), Clock.systemUTC()));

    @AfterEach
    void close() {
        client.close();
        store.close();
    }

    @Test
    void aSendThatOutlastsTheWaitIsWaitedForAgainNotSentTwice() {
        mongo.insert(new Document("_id", "s-1").append("outbox", List.of(entry("e-1"), entry("e-2")))
                .append("outboxPending", true), "sessions");

        assertThatThrownBy(relay::relayPending).hasRootCauseInstanceOf(TimeoutException.class);
        assertThatThrownBy(relay::relayPending).hasRootCauseInstanceOf(TimeoutException.class);
        assertThat(kafka.sent).extracting(ProducerRecord::value).containsExactly("{\"e\":\"e-1\"}", "{\"e\":\"e-2\"}");
        assertThat(pending()).isTrue();
        assertThat(backlog()).isEqualTo(2);
        assertThat(relayDelays()).isZero();

        kafka.acknowledgeAll();
        assertThat(relay.relayPending()).isEqualTo(2);
        // Each event's delay once, though the relay waited for its send twice.
        assertThat(relayDelays()).isEqualTo(2);
        relay.relayPending();
        assertThat(backlog()).isZero();

        assertThat(kafka.sent).hasSize(2);
        assertThat(pending()).isFalse();
        assertThat(mongo.findById("s-1", Document.class, "sessions").getList("outbox", Document.class)).isEmpty();
    }

    @Test
    void aSendThatFailedIsSentAgain() {
        mongo.insert(new Document("_id", "s-1").append("outbox", List.of(entry("e-1")))
                .append("outboxPending", true), "sessions");

        assertThatThrownBy(relay::relayPending).isNotNull();
        kafka.failAll();
        assertThatThrownBy(relay::relayPending).isNotNull();
        kafka.acknowledgeAll();
        assertThat(relay.relayPending()).isEqualTo(1);

        assertThat(kafka.sent).hasSize(2);
        assertThat(pending()).isFalse();
        // Sent twice, acknowledged once: one delay.
        assertThat(relayDelays()).isEqualTo(1);
    }

    @Test
    void theBacklogCountsEveryWaitingEntryWhenMoreDocumentsWaitThanOnePollTakes() {
        SimpleMeterRegistry own = new SimpleMeterRegistry();
        OutboxRelay smallPolls = new OutboxRelay(mongo, kafka,
                new OutboxProperties(List.of("sessions"), null, 1, "/test", Duration.ofMillis(50)),
                new OutboxMeters(own, List.of("sessions"), Clock.systemUTC()));
        mongo.insert(new Document("_id", "s-1").append("outbox", List.of(entry("e-1"), entry("e-2")))
                .append("outboxPending", true), "sessions");
        mongo.insert(new Document("_id", "s-2").append("outbox", List.of(entry("e-3")))
                .append("outboxPending", true), "sessions");
        mongo.insert(new Document("_id", "s-3").append("outbox", List.of()).append("outboxPending", false),
                "sessions");

        assertThatThrownBy(smallPolls::relayPending).hasRootCauseInstanceOf(TimeoutException.class);

        assertThat(own.get("peerpulse.outbox.backlog").tag("collection", "sessions").gauge().value()).isEqualTo(3);
    }

    private double backlog() {
        return registry.get("peerpulse.outbox.backlog").tag("collection", "sessions").gauge().value();
    }

    private long relayDelays() {
        return registry.get("peerpulse.outbox.relay.delay").timer().count();
    }

    private boolean pending() {
        return mongo.findById("s-1", Document.class, "sessions").getBoolean("outboxPending");
    }

    private static Document entry(String eventId) {
        return new Document("eventId", eventId).append("topic", "peerpulse.test").append("key", "harbor")
                .append("type", "org.peerpulse.test.v1").append("payload", "{\"e\":\"" + eventId + "\"}")
                .append("occurredAt", Date.from(Instant.parse("2026-11-20T15:00:00Z")));
    }

    /** Records what the relay sends and holds each acknowledgement until the test gives it. */
    private static final class HeldSends extends KafkaTemplate<String, String> {

        final List<ProducerRecord<String, String>> sent = new ArrayList<>();
        private final List<CompletableFuture<SendResult<String, String>>> held = new ArrayList<>();

        HeldSends() {
            super(new DefaultKafkaProducerFactory<>(Map.of()));
        }

        @Override
        public CompletableFuture<SendResult<String, String>> send(ProducerRecord<String, String> record) {
            sent.add(record);
            CompletableFuture<SendResult<String, String>> future = new CompletableFuture<>();
            held.add(future);
            return future;
        }

        void acknowledgeAll() {
            for (int i = 0; i < held.size(); i++) {
                held.get(i).complete(new SendResult<>(sent.get(i),
                        new RecordMetadata(new TopicPartition("peerpulse.test", 0), i, 0, 0L, 0, 0)));
            }
        }

        void failAll() {
            held.forEach(future -> future.completeExceptionally(new IllegalStateException("broker gone")));
        }
    }
}
