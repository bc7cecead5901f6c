package org.peerpulse.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peerpulse.testsupport.TestBackends;
import org.peerpulse.testsupport.TopicProbe;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The relay on the real broker and store: a poll publishes many documents in one round trip and clears them in
 * one bulk write, each document's entries in order on their partition; an entry larger than its topic allows is
 * parked and counted while everything else goes out, and the documented re-drive sends it once the topic takes it.
 */
class OutboxRelayIntegrationTest {

    private static final Duration QUIET = Duration.ofSeconds(1);

    @Test
    void aPollPublishesManyDocumentsInOrderAndClearsThemInOneBulkWrite() {
        try (OutboxBackends backends = new OutboxBackends(3, Map.of())) {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            OutboxRelay relay = backends.relay(registry, 200, null, null);
            int documents = 300;
            int entriesEach = 4;
            List<Document> stored = new ArrayList<>();
            for (int d = 0; d < documents; d++) {
                List<Document> entries = new ArrayList<>();
                for (int n = 0; n < entriesEach; n++) {
                    entries.add(backends.entry(eventId(d, n), "agency-" + d % 7, "{\"doc\":" + d + ",\"n\":" + n + "}"));
                }
                stored.add(backends.document(documentId(d), entries));
            }
            backends.store(stored);

            // Two polls of at most 200 documents: each one flush, one wait and one bulk write for all of them.
            assertThat(relay.relayPending()).isEqualTo(200 * entriesEach);
            assertThat(relay.relayPending()).isEqualTo(100 * entriesEach);
            assertThat(backends.updateCommands()).isEqualTo(2);
            assertThat(relay.relayPending()).isZero();
            assertThat(backends.updateCommands()).isEqualTo(2);

            assertThat(backends.pendingDocuments()).isZero();
            assertThat(backends.stored(documentId(0)).getList(OutboxEntry.OUTBOX_FIELD, Document.class)).isEmpty();
            assertThat(backends.stored(documentId(299)).getList(OutboxEntry.OUTBOX_FIELD, Document.class)).isEmpty();
            assertThat(registry.get(OutboxMeters.RELAY_DELAY).timer().count()).isEqualTo(documents * entriesEach);

            List<ConsumerRecord<String, String>> records = TopicProbe.readAll(TestBackends.kafkaBootstrapServers(),
                    backends.topic, QUIET);
            assertThat(records).extracting(OutboxBackends::eventId).hasSize(documents * entriesEach)
                    .doesNotHaveDuplicates();
            Map<String, List<ConsumerRecord<String, String>>> byDocument = records.stream()
                    .collect(Collectors.groupingBy(record -> OutboxBackends.eventId(record).split("/")[0]));
            assertThat(byDocument).hasSize(documents);
            byDocument.forEach((document, published) -> {
                assertThat(published).as(document).extracting(ConsumerRecord::partition).containsOnly(
                        published.get(0).partition());
                assertThat(published.stream().sorted(Comparator.comparingLong(ConsumerRecord::offset))
                        .map(OutboxBackends::eventId).toList()).as(document + " in offset order")
                        .containsExactly(document + "/0", document + "/1", document + "/2", document + "/3");
            });
        }
    }

    @Test
    void anEntryTooLargeForItsTopicIsParkedAndCountedWhileEverythingElseGoesOutAndItCanBeSentAgain() throws Exception {
        int maxMessageBytes = 64 * 1024;
        try (OutboxBackends backends = new OutboxBackends(3,
                Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(maxMessageBytes)))) {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            OutboxRelay relay = backends.relay(registry, null, Duration.ofMillis(50), null);
            List<Document> stored = new ArrayList<>();
            for (int d = 0; d < 30; d++) {
                stored.add(backends.document(documentId(d), List.of(
                        backends.entry(eventId(d, 0), "agency-" + d % 3, "{\"n\":0}"),
                        backends.entry(eventId(d, 1), "agency-" + d % 3, "{\"n\":1}"))));
            }
            // Under the producer's max.request.size (1 MB), so the broker itself refuses it.
            String tooLarge = "{\"text\":\"" + "x".repeat(2 * maxMessageBytes) + "\"}";
            stored.add(backends.document("big", List.of(backends.entry("big/0", "agency-big", "{\"n\":0}"),
                    backends.entry("big/1", "agency-big", tooLarge), backends.entry("big/2", "agency-big", "{\"n\":2}"))));
            backends.store(stored);

            relay.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> backends.pendingDocuments() == 0);

            assertThat(registry.get(OutboxMeters.PARKED).tag("collection", OutboxBackends.COLLECTION).counter().count())
                    .isEqualTo(1);
            Document big = backends.stored("big");
            assertThat(big.getList(OutboxEntry.OUTBOX_FIELD, Document.class)).isEmpty();
            assertThat(big.getList(OutboxEntry.PARKED_FIELD, Document.class)).singleElement().satisfies(parked -> {
                assertThat(parked.getString("eventId")).isEqualTo("big/1");
                assertThat(parked.getString(OutboxEntry.REFUSAL_FIELD)).isEqualTo("RecordTooLargeException");
                assertThat(parked.getDate(OutboxEntry.PARKED_AT_FIELD)).isNotNull();
                assertThat(parked.getString("payload")).isEqualTo(tooLarge);
            });
            assertThat(backends.stored(documentId(0))).doesNotContainKey(OutboxEntry.PARKED_FIELD);

            // The relay goes on: a document stored after the refusal goes out too.
            backends.store(List.of(backends.document("later", List.of(backends.entry("later/0", "agency-big", "{}")))));
            await().atMost(Duration.ofSeconds(30)).until(() -> backends.pendingDocuments() == 0);

            List<ConsumerRecord<String, String>> records = TopicProbe.readAll(TestBackends.kafkaBootstrapServers(),
                    backends.topic, QUIET);
            assertThat(records).extracting(OutboxBackends::eventId).hasSize(30 * 2 + 3).doesNotHaveDuplicates()
                    .doesNotContain("big/1").contains("big/0", "big/2", "later/0");
            assertThat(inOffsetOrder(records, "big/")).containsExactly("big/0", "big/2");

            // The operator's re-drive (docs/operations.md) once the topic takes such records.
            raiseMaxMessageBytes(backends.topic, 4 * maxMessageBytes);
            redrive(backends, "RecordTooLargeException");
            await().atMost(Duration.ofSeconds(30)).until(() -> backends.pendingDocuments() == 0);
            assertThat(backends.stored("big").getList(OutboxEntry.PARKED_FIELD, Document.class)).isEmpty();
            List<ConsumerRecord<String, String>> after = TopicProbe.readAll(TestBackends.kafkaBootstrapServers(),
                    backends.topic, QUIET);
            assertThat(after).extracting(OutboxBackends::eventId).hasSize(30 * 2 + 4).doesNotHaveDuplicates();
            assertThat(inOffsetOrder(after, "big/")).containsExactly("big/0", "big/2", "big/1");
        }
    }

    /** The update docs/operations.md gives, per document: parked entries of one refusal back into the outbox. */
    private static void redrive(OutboxBackends backends, String refusal) {
        Query parkedFor = Query.query(Criteria.where(OutboxEntry.PARKED_FIELD + "." + OutboxEntry.REFUSAL_FIELD).is(refusal));
        for (Document document : backends.mongo.find(parkedFor, Document.class, OutboxBackends.COLLECTION)) {
            List<Document> fixed = document.getList(OutboxEntry.PARKED_FIELD, Document.class).stream()
                    .filter(entry -> refusal.equals(entry.getString(OutboxEntry.REFUSAL_FIELD))).toList();
            List<Document> entries = fixed.stream().map(entry -> {
                Document copy = new Document(entry);
                copy.keySet().removeAll(Set.of(OutboxEntry.PARKED_AT_FIELD, OutboxEntry.REFUSAL_FIELD));
                return copy;
            }).toList();
            Update update = new Update().push(OutboxEntry.OUTBOX_FIELD).each(entries.toArray())
                    .pullAll(OutboxEntry.PARKED_FIELD, fixed.toArray())
                    .set(OutboxEntry.PENDING_FIELD, true);
            backends.mongo.updateFirst(Query.query(Criteria.where("_id").is(document.get("_id"))), update,
                    OutboxBackends.COLLECTION);
        }
    }

    private static void raiseMaxMessageBytes(String topic, int bytes) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestBackends.kafkaBootstrapServers()))) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(
                    new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(bytes)),
                            AlterConfigOp.OpType.SET)))).all().get();
        }
    }

    private static List<String> inOffsetOrder(List<ConsumerRecord<String, String>> records, String prefix) {
        return records.stream().filter(record -> OutboxBackends.eventId(record).startsWith(prefix))
                .sorted(Comparator.comparingLong(ConsumerRecord::offset)).map(OutboxBackends::eventId).toList();
    }

    private static String documentId(int d) {
        return "d" + String.format("%04d", d);
    }

    private static String eventId(int d, int n) {
        return documentId(d) + "/" + n;
    }
}
