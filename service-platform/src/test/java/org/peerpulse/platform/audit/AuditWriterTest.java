package org.peerpulse.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peerpulse.infra.mongo.DocumentStore;
import org.peerpulse.platform.audit.MongoAuditTrail.Pending;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.peerpulse.testsupport.TestBackends;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The audit trail off the request thread, on the shared test store: records from many threads all reach the
 * store, in a few bulk writes; what is queued when the context closes is in the store once it has closed; a
 * store outage keeps the records queued, none lost, until the store is back; a request that finds the queue
 * full writes its own record; a batch written again after a lost answer is not doubled.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuditWriterTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void recordsFromManyThreadsAreAllWrittenInFewWrites() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        int clients = 16;
        int each = 500;
        int total = clients * each;
        try (AuditStore store = AuditStore.shared("")) {
            AuditWriter writer = store.writer(new AuditProperties(null, null, null, null, null), meters);
            writer.start();
            AuditTrail trail = AuditStore.trail(writer);

            recordFromThreads(trail, clients, each);

            await().atMost(WAIT).until(store::stored, stored -> stored == total);
            // At the default 100 ms a flush carries what 16 clients recorded meanwhile: on average at least a
            // hundred records per write, however slowly this machine ran the clients.
            assertThat(store.inserts()).as("bulk inserts for %d records", total).isLessThanOrEqualTo(total / 100);
            assertThat(numbers(store)).hasSize(total);
            assertThat(meters.counter(AuditWriter.WRITTEN).count()).isEqualTo(total);
            await().atMost(WAIT).until(() -> meters.get(AuditWriter.QUEUED).gauge().value() == 0);
            assertThat(meters.counter(AuditWriter.WRITE_FAILURES).count()).isZero();
            assertThat(meters.find(AuditWriter.FAILURES).counters()).isEmpty();
            // Written across agencies in one bulk, read back by agency as before.
            AuditPage page = store.trail.find("agency-1", null, null, "dashboard.view", 0, 200);
            assertThat(page.items()).hasSize(200).allSatisfy(record -> assertThat(record.agencyId()).isEqualTo("agency-1"));
            assertThat(page.hasMore()).isTrue();
        }
    }

    @Test
    void recordsQueuedWhenTheContextClosesAreAllInTheStoreAfterClose() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        int clients = 8;
        int each = 625;
        int total = clients * each;
        try (AuditStore store = AuditStore.shared("")) {
            new ApplicationContextRunner()
                    .withUserConfiguration(AuditConfiguration.class)
                    .withBean(TenantCollections.class, () -> store.tenants)
                    .withBean(Clock.class, Clock::systemUTC)
                    .withBean(MeterRegistry.class, () -> meters)
                    // A writer that would not write for an hour, nor for a full batch: whatever is stored after
                    // the close, the stop wrote.
                    .withPropertyValues("peerpulse.audit.flush-interval=1h", "peerpulse.audit.batch-size=100000")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        recordFromThreads(context.getBean(AuditTrail.class), clients, each);

                        assertThat(meters.get(AuditWriter.QUEUED).gauge().value()).isEqualTo(total);
                        assertThat(store.stored()).isZero();
                    });

            assertThat(store.stored()).isEqualTo(total);
            assertThat(numbers(store)).hasSize(total);
            // The stop's one bulk write, which the driver sends as commands of at most the store's
            // maxWriteBatchSize: 1,000 documents on the embedded store, 100,000 on MongoDB.
            assertThat(store.inserts()).as("insert commands of the stop's bulk write")
                    .isBetween(1, (total + 999) / 1000);
            assertThat(meters.counter(AuditWriter.WRITTEN).count()).isEqualTo(total);
            assertThat(meters.find(AuditWriter.FAILURES).counters()).isEmpty();
        }
    }

    @Test
    void aStoreOutageKeepsTheRecordsQueuedUntilTheStoreIsBack() {
        assumeTrue(TestBackends.backendName().equals("embedded"), "stops the embedded store");
        DocumentStore documents = TestBackends.documentStore();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        // Each try gives up after 500 ms instead of the driver's 30 s, so the writer's retries show.
        try (AuditStore store = AuditStore.shared("?serverSelectionTimeoutMS=500")) {
            AuditWriter writer = store.writer(new AuditProperties(Duration.ofMillis(50), null, null, null, null), meters);
            writer.start();
            AuditTrail trail = AuditStore.trail(writer);
            IntStream.range(0, 50).forEach(n -> AuditStore.record(trail, "harbor", n));
            await().atMost(WAIT).until(store::stored, stored -> stored == 50);

            documents.stop();
            try {
                IntStream.range(50, 350).forEach(n -> AuditStore.record(trail, n % 2 == 0 ? "harbor" : "sunrise", n));

                await().atMost(WAIT).until(() -> meters.counter(AuditWriter.WRITE_FAILURES).count() >= 2);
                assertThat(writer.waiting()).isEqualTo(300);
                assertThat(meters.get(AuditWriter.QUEUED).gauge().value()).isEqualTo(300);
            } finally {
                documents.restart();
            }

            await().atMost(WAIT).until(store::stored, stored -> stored == 350);
            assertThat(numbers(store)).hasSize(350);
            assertThat(meters.counter(AuditWriter.WRITTEN).count()).isEqualTo(350);
            await().atMost(WAIT).until(() -> writer.waiting() == 0);
            assertThat(meters.find(AuditWriter.FAILURES).counters()).isEmpty();
        }
    }

    @Test
    void aRequestThatFindsTheQueueFullWritesItsOwnRecord(CapturedOutput output) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (AuditStore store = AuditStore.shared("")) {
            AuditWriter writer = store.writer(new AuditProperties(Duration.ofHours(1), 10, 1, Duration.ZERO, null), meters);
            writer.start();
            AuditTrail trail = AuditStore.trail(writer);

            AuditStore.record(trail, "harbor", 1);
            assertThat(writer.waiting()).isEqualTo(1);
            assertThat(store.stored()).isZero();

            AuditStore.record(trail, "harbor", 2);
            assertThat(store.stored()).as("written by the request itself").isEqualTo(1);
            assertThat(writer.waiting()).isEqualTo(1);
            assertThat(output.getOut()).contains("Audit queue full (1 records)");

            writer.stop();
            assertThat(store.stored()).isEqualTo(2);
            assertThat(numbers(store)).containsExactlyInAnyOrder("1", "2");
            assertThat(meters.counter(AuditWriter.WRITTEN).count()).isEqualTo(2);
        }
    }

    @Test
    void aBatchWrittenAgainAfterItsAnswerWasLostIsNotDoubled() {
        try (AuditStore store = AuditStore.shared("")) {
            List<Pending> batch = IntStream.range(0, 20).mapToObj(n -> new Pending(record(n))).toList();
            assertThat(store.trail.insert(batch)).isEmpty();
            // A try whose answer was lost is tried again with the same ids.
            assertThat(store.trail.insert(batch)).isEmpty();
            assertThat(store.stored()).isEqualTo(20);

            List<Pending> partly = IntStream.range(20, 40).mapToObj(n -> new Pending(record(n))).toList();
            assertThat(store.trail.insert(partly.subList(5, 12))).isEmpty();
            assertThat(store.trail.insert(partly)).isEmpty();
            assertThat(store.stored()).isEqualTo(40);
            assertThat(numbers(store)).hasSize(40);
        }
    }

    /** {@code clients} threads, started together, each recording {@code each} numbered records. */
    private static void recordFromThreads(AuditTrail trail, int clients, int each) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                int first = client * each;
                // Every fourth client is a refused caller with no verified agency.
                String agency = client % 4 == 0 ? null : "agency-" + client % 4;
                done.add(threads.submit(() -> {
                    go.await();
                    for (int n = first; n < first + each; n++) {
                        AuditStore.record(trail, agency, n);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> client : done) {
                client.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** The distinct record numbers in the store: one per record written once. */
    private static List<String> numbers(AuditStore store) {
        return store.mongo.getCollection(MongoAuditTrail.COLLECTION).distinct("target.n", String.class)
                .into(new ArrayList<>());
    }

    private static AuditRecord record(int n) {
        return new AuditRecord(Instant.now(), "audit-test", "harbor", "lead-ann", List.of("quality_lead"),
                "dashboard.view", Map.of("n", String.valueOf(n)), 200, null);
    }
}
