package org.peerpulse.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peerpulse.infra.mongo.DocumentStore;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaProducerException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * The relay against the embedded store and a producer whose acknowledgements the test hands out: a send
 * that outlasts the relay's wait is waited for again, never sent a second time, and the entry leaves the
 * outbox only once acknowledged; a refusal for good parks the entry, a failure for now keeps it and the
 * entries after it; a holder waiting for the broker keeps its lease.
 */
class OutboxRelayTest {

    private final DocumentStore store = DocumentStore.inMemory(0);
    private final MongoClient client = MongoClients.create(store.connectionString());
    private final MongoTemplate mongo = new MongoTemplate(client, "relay-test");
    private final HeldSends kafka = new HeldSends();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final OutboxRelay relay = new OutboxRelay(mongo, kafka,
            new OutboxProperties(List.of("sessions"), null, null, "/test", Duration.ofMillis(50), null),
            new OutboxMeters(registry, List.of("sessions"), Clock.systemUTC()), Clock.systemUTC());

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
                new OutboxProperties(List.of("sessions"), null, 1, "/test", Duration.ofMillis(50), null),
                new OutboxMeters(own, List.of("sessions"), Clock.systemUTC()), Clock.systemUTC());
        mongo.insert(new Document("_id", "s-1").append("outbox", List.of(entry("e-1"), entry("e-2")))
                .append("outboxPending", true), "sessions");
        mongo.insert(new Document("_id", "s-2").append("outbox", List.of(entry("e-3")))
                .append("outboxPending", true), "sessions");
        mongo.insert(new Document("_id", "s-3").append("outbox", List.of()).append("outboxPending", false),
                "sessions");

        assertThatThrownBy(smallPolls::relayPending).hasRootCauseInstanceOf(TimeoutException.class);

        assertThat(own.get("peerpulse.outbox.backlog").tag("collection", "sessions").gauge().value()).isEqualTo(3);
    }

    @Test
    void anEntryRefusedForGoodIsParkedAndTheEntriesAfterItStillGoOut() {
        mongo.insert(new Document("_id", "s-1").append("outbox", List.of(entry("e-1"), entry("e-2"), entry("e-3")))
                .append("outboxPending", true), "sessions");

        assertThatThrownBy(relay::relayPending).hasRootCauseInstanceOf(TimeoutException.class);
        kafka.answer(Map.of("e-2", new KafkaProducerException(kafka.sent.get(1), "Failed to send",
                new RecordTooLargeException("The message is 10000 bytes when serialized"))));
        assertThat(relay.relayPending()).isEqualTo(2);

        Document stored = mongo.findById("s-1", Document.class, "sessions");
        assertThat(stored.getList("outbox", Document.class)).isEmpty();
        assertThat(stored.getBoolean("outboxPending")).isFalse();
        List<Document> parked = stored.getList("outboxParked", Document.class);
        assertThat(parked).singleElement().satisfies(entry -> {
            assertThat(entry.getString("eventId")).isEqualTo("e-2");
            assertThat(entry.getString("refusal")).isEqualTo("RecordTooLargeException");
            assertThat(entry.getDate("parkedAt")).isNotNull();
            // The entry as it was, to be sent again once the cause is fixed; the refusal's message is not kept.
            assertThat(entry.keySet()).containsExactlyInAnyOrder("eventId", "topic", "key", "type", "payload",
                    "occurredAt", "parkedAt", "refusal");
        });
        assertThat(parkedCount()).isEqualTo(1);
        // Parked, never sent again.
        relay.relayPending();
        assertThat(kafka.sent).hasSize(3);
    }

    @Test
    void anEntryThatFailedForNowStaysWithTheEntriesAfterItAndOnlyItIsSentAgain() {
        mongo.insert(new Document("_id", "s-1").append("outbox", List.of(entry("e-1"), entry("e-2"), entry("e-3")))
                .append("outboxPending", true), "sessions");

        assertThatThrownBy(relay::relayPending).hasRootCauseInstanceOf(TimeoutException.class);
        kafka.answer(Map.of("e-2", new KafkaProducerException(kafka.sent.get(1), "Failed to send",
                new NotEnoughReplicasException("Messages are rejected since there are fewer in-sync replicas"))));
        // Sent again at once; the broker has not answered the second send within the wait.
        assertThatThrownBy(relay::relayPending).hasRootCauseInstanceOf(TimeoutException.class);

        assertThat(mongo.findById("s-1", Document.class, "sessions").getList("outbox", Document.class))
                .extracting(entry -> entry.getString("eventId")).containsExactly("e-2", "e-3");
        assertThat(pending()).isTrue();
        assertThat(kafka.sent).extracting(ProducerRecord::value)
                .containsExactly("{\"e\":\"e-1\"}", "{\"e\":\"e-2\"}", "{\"e\":\"e-3\"}", "{\"e\":\"e-2\"}");

        kafka.acknowledgeAll();
        assertThat(relay.relayPending()).isEqualTo(2);
        assertThat(pending()).isFalse();
        assertThat(parkedCount()).isZero();
        assertThat(kafka.sent).hasSize(4);
    }

    @Test
    void aHolderWaitingLongerThanItsLeaseKeepsItAndTheOtherInstancePublishesNothing() throws Exception {
        OutboxRelay holder = new OutboxRelay(mongo, kafka,
                new OutboxProperties(List.of("sessions"), Duration.ofMillis(50), null, "/test", Duration.ofSeconds(10),
                        Duration.ofMillis(300)),
                new OutboxMeters(new SimpleMeterRegistry(), List.of("sessions"), Clock.systemUTC()), Clock.systemUTC());
        HeldSends otherKafka = new HeldSends();
        OutboxRelay other = new OutboxRelay(mongo, otherKafka,
                new OutboxProperties(List.of("sessions"), Duration.ofMillis(50), null, "/test", Duration.ofSeconds(10),
                        Duration.ofMillis(300)),
                new OutboxMeters(new SimpleMeterRegistry(), List.of("sessions"), Clock.systemUTC()), Clock.systemUTC());
        mongo.insert(new Document("_id", "s-1").append("outbox", List.of(entry("e-1")))
                .append("outboxPending", true), "sessions");

        CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(holder::relayPending);
        await().atMost(Duration.ofSeconds(5)).until(() -> kafka.sent.size() == 1);
        // Six leases long, while the holder waits for the broker: it renews, so the other never takes over.
        await().during(Duration.ofMillis(1800)).atMost(Duration.ofSeconds(3))
                .until(() -> other.relayPending() == 0 && otherKafka.sent.isEmpty());
        kafka.acknowledgeAll();

        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(pending()).isFalse();
        assertThat(otherKafka.sent).isEmpty();
    }

    @Test
    void aLeaseMustOutlastSeveralPolls() {
        assertThatThrownBy(() -> new OutboxProperties(List.of("sessions"), Duration.ofSeconds(1), null, null, null,
                Duration.ofSeconds(2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lease-duration");
    }

    private double parkedCount() {
        return registry.get("peerpulse.outbox.parked").tag("collection", "sessions").counter().count();
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

        final List<ProducerRecord<String, String>> sent = new CopyOnWriteArrayList<>();
        private final List<CompletableFuture<SendResult<String, String>>> held = new CopyOnWriteArrayList<>();

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

        @Override
        public void flush() {
            // Nothing is buffered: the test hands out every acknowledgement itself.
        }

        void acknowledgeAll() {
            for (int i = 0; i < held.size(); i++) {
                held.get(i).complete(new SendResult<>(sent.get(i),
                        new RecordMetadata(new TopicPartition("peerpulse.test", 0), i, 0, 0L, 0, 0)));
            }
        }

        /** Settles every send still held: those named fail as given, the others are acknowledged. */
        void answer(Map<String, RuntimeException> failures) {
            for (int i = 0; i < held.size(); i++) {
                String eventId = new String(sent.get(i).headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
                RuntimeException failure = failures.get(eventId);
                if (failure != null) {
                    held.get(i).completeExceptionally(failure);
                } else {
                    held.get(i).complete(new SendResult<>(sent.get(i),
                            new RecordMetadata(new TopicPartition("peerpulse.test", 0), i, 0, 0L, 0, 0)));
                }
            }
        }

        void failAll() {
            held.forEach(future -> future.completeExceptionally(new IllegalStateException("broker gone")));
        }
    }
}
