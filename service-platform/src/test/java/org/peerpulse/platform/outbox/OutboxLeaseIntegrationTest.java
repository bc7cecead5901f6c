package org.peerpulse.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peerpulse.testsupport.TestBackends;
import org.peerpulse.testsupport.TopicProbe;

/**
 * Two relay instances on one store and broker: only the lease holder publishes, so every entry goes out once
 * although both poll the same pending documents; a holder that stops renewing is taken over only after its
 * lease has run out, and one that stops cleanly hands over at once.
 */
class OutboxLeaseIntegrationTest {

    private static final Duration QUIET = Duration.ofSeconds(1);

    @Test
    void twoRelaysPollingOneStorePublishEveryEntryExactlyOnce() {
        try (OutboxBackends backends = new OutboxBackends(3, Map.of())) {
            SimpleMeterRegistry first = new SimpleMeterRegistry();
            SimpleMeterRegistry second = new SimpleMeterRegistry();
            // Small polls, 10 ms apart: without the lease both relays would keep sending the same oldest documents.
            OutboxRelay one = backends.relay(first, 20, Duration.ofMillis(10), null);
            OutboxRelay other = backends.relay(second, 20, Duration.ofMillis(10), null);
            one.start();
            other.start();

            int documents = 400;
            for (int chunk = 0; chunk < documents / 10; chunk++) {
                List<Document> stored = new ArrayList<>();
                for (int d = chunk * 10; d < chunk * 10 + 10; d++) {
                    stored.add(backends.document("d" + d, List.of(backends.entry("d" + d + "/0", "agency-" + d % 5, "{}"),
                            backends.entry("d" + d + "/1", "agency-" + d % 5, "{}"))));
                }
                backends.store(stored);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> backends.pendingDocuments() == 0);

            List<ConsumerRecord<String, String>> records = TopicProbe.readAll(TestBackends.kafkaBootstrapServers(),
                    backends.topic, QUIET);
            assertThat(records).extracting(OutboxBackends::eventId).hasSize(documents * 2).doesNotHaveDuplicates();
            assertThat(acknowledged(first) + acknowledged(second)).isEqualTo(documents * 2);
            // The instance without the lease looked at it at every poll instead of failing a write each time; at
            // most the first takes of the two raced.
            assertThat(backends.failedCommands()).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void whenTheHolderStopsRenewingTheOtherTakesOverAfterTheLeaseRunsOutAndPublishesWhatIsLeft() {
        Duration lease = Duration.ofMillis(1500);
        try (OutboxBackends backends = new OutboxBackends(3, Map.of())) {
            // Polled by hand, then no more: as if its process had died with the lease.
            OutboxRelay holder = backends.relay(new SimpleMeterRegistry(), null, Duration.ofMillis(50), lease);
            OutboxRelay successor = backends.relay(new SimpleMeterRegistry(), null, Duration.ofMillis(50), lease);
            backends.store(documents(backends, "early", 10));
            assertThat(holder.relayPending()).isEqualTo(10);
            Document held = backends.lease();
            backends.store(documents(backends, "late", 10));

            successor.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> backends.pendingDocuments() == 0);

            assertThat(backends.lease().getString(OutboxLeases.OWNER)).isNotEqualTo(held.getString(OutboxLeases.OWNER));
            List<ConsumerRecord<String, String>> records = TopicProbe.readAll(TestBackends.kafkaBootstrapServers(),
                    backends.topic, QUIET);
            assertThat(records).extracting(OutboxBackends::eventId).hasSize(20).doesNotHaveDuplicates();
            long heldUntil = held.getDate(OutboxLeases.UNTIL).getTime();
            assertThat(records.stream().filter(record -> OutboxBackends.eventId(record).startsWith("late")))
                    .as("published by the successor, after the holder's lease ran out")
                    .hasSize(10).allSatisfy(record -> assertThat(record.timestamp()).isGreaterThanOrEqualTo(heldUntil));
        }
    }

    @Test
    void aRelayThatStopsCleanlyReleasesItsLeaseAndTheOtherTakesOverAtOnce() {
        Duration lease = Duration.ofSeconds(60);
        try (OutboxBackends backends = new OutboxBackends(3, Map.of())) {
            OutboxRelay stopping = backends.relay(new SimpleMeterRegistry(), null, Duration.ofMillis(20), lease);
            OutboxRelay successor = backends.relay(new SimpleMeterRegistry(), null, Duration.ofMillis(20), lease);
            stopping.start();
            backends.store(documents(backends, "early", 5));
            await().atMost(Duration.ofSeconds(20)).until(() -> backends.pendingDocuments() == 0);
            String stoppingOwner = backends.lease().getString(OutboxLeases.OWNER);

            stopping.stop();
            assertThat(backends.lease()).isNull();
            successor.start();
            backends.store(documents(backends, "late", 5));

            // Far sooner than the 60 s lease would have run out.
            await().atMost(Duration.ofSeconds(10)).until(() -> backends.pendingDocuments() == 0);
            assertThat(backends.lease().getString(OutboxLeases.OWNER)).isNotEqualTo(stoppingOwner);
            assertThat(TopicProbe.readAll(TestBackends.kafkaBootstrapServers(), backends.topic, QUIET))
                    .extracting(OutboxBackends::eventId).hasSize(10).doesNotHaveDuplicates();
        }
    }

    private static long acknowledged(SimpleMeterRegistry registry) {
        return registry.get(OutboxMeters.RELAY_DELAY).timer().count();
    }

    /** {@code count} documents of one entry each. */
    private static List<Document> documents(OutboxBackends backends, String prefix, int count) {
        List<Document> documents = new ArrayList<>();
        for (int d = 0; d < count; d++) {
            documents.add(backends.document(prefix + d, List.of(backends.entry(prefix + d + "/0", "agency-" + d % 3, "{}"))));
        }
        return documents;
    }
}
