package org.peerpulse.indicators.alerts.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerpulse.indicators.alerts.application.AcknowledgeAlert;
import org.peerpulse.indicators.alerts.application.AlertCommand;
import org.peerpulse.indicators.alerts.application.ResolveAlert;
import org.peerpulse.indicators.alerts.domain.Alert;
import org.peerpulse.indicators.alerts.domain.AlertKind;
import org.peerpulse.indicators.alerts.domain.AlertState;
import org.peerpulse.indicators.alerts.domain.AlertTransitionRefused;
import org.peerpulse.indicators.alerts.domain.Delivery;
import org.peerpulse.indicators.alerts.domain.FloorBreach;
import org.peerpulse.indicators.counting.domain.Cell;
import org.peerpulse.indicators.counting.domain.ReceivedFeedback;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.peerpulse.testsupport.TestBackends;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The alerts adapter on the embedded MongoDB stand-in: no repeats, atomic changes, the inbox order. */
class MongoAlertsTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final FloorBreach LOW_TRUST = new FloorBreach(AlertKind.TRUST_INDEX_BELOW_FLOOR, 60.0, 70.0);

    private static MongoClient client;
    private MongoTemplate mongo;
    private MongoAlerts alerts;

    @BeforeAll
    static void startStore() {
        client = MongoClients.create(TestBackends.mongoUri("alerts"));
    }

    @AfterAll
    static void stopStore() {
        client.close();
    }

    @BeforeEach
    void freshDatabase() {
        mongo = new MongoTemplate(client, "alerts-" + System.nanoTime());
        alerts = new MongoAlerts(new TenantCollections(mongo));
        alerts.createIndexes();
    }

    @Test
    void aHarmReportReadAgainOpensNothingAndReadsBackAsOpened() {
        UUID feedbackId = UUID.randomUUID();
        Alert alert = harm(feedbackId, "harbor", T0);

        assertThat(alerts.open(alert)).isTrue();
        assertThat(alerts.open(harm(feedbackId, "harbor", T0.plusSeconds(60)))).isFalse();

        assertThat(alerts.find("harbor", alert.id())).contains(alert);
        assertThat(mongo.getCollection(MongoAlerts.COLLECTION).countDocuments()).isEqualTo(1);
        assertThat(alerts.find("sunrise", alert.id())).isEmpty();
    }

    @Test
    void anIndexAlertIsNotRepeatedWhileOpenOrAcknowledgedButMayOpenAgainOnceResolved() {
        Alert first = index("harbor", "warmline", T0);
        assertThat(alerts.open(first)).isTrue();
        assertThat(alerts.open(index("harbor", "warmline", T0.plusSeconds(1)))).isFalse();
        // Another scope, another kind, another agency: each its own.
        assertThat(alerts.open(index("harbor", null, T0))).isTrue();
        assertThat(alerts.open(Alert.indexBelowFloor(UUID.randomUUID(),
                new FloorBreach(AlertKind.VALUES_INDEX_BELOW_FLOOR, 60.0, 70.0), "harbor", "warmline", T0,
                Delivery.notConfigured()))).isTrue();
        assertThat(alerts.open(index("sunrise", "warmline", T0))).isTrue();

        Alert acknowledged = alerts.change(first.moveTo(AlertState.ACKNOWLEDGED, "lead", T0.plusSeconds(2)),
                AlertState.OPEN).orElseThrow();
        assertThat(alerts.open(index("harbor", "warmline", T0.plusSeconds(3)))).isFalse();

        alerts.change(acknowledged.moveTo(AlertState.RESOLVED, "lead", T0.plusSeconds(4)), AlertState.ACKNOWLEDGED)
                .orElseThrow();
        assertThat(alerts.open(index("harbor", "warmline", T0.plusSeconds(5)))).isTrue();
        assertThat(alerts.open(index("harbor", "warmline", T0.plusSeconds(6)))).isFalse();
    }

    @Test
    void twoConsumersOpeningTheSameIndexAlertAtOnceOpenOne() throws Exception {
        List<Callable<Boolean>> openers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            openers.add(() -> alerts.open(index("harbor", "warmline", T0)));
        }
        assertThat(all(openers)).containsOnlyOnce(true);
        assertThat(alerts.list("harbor", null, 0, 100)).hasSize(1);
    }

    @Test
    void aChangeIsWrittenOnlyFromTheStateItWasDecidedFrom() {
        Alert alert = harm(UUID.randomUUID(), "harbor", T0);
        alerts.open(alert);

        Alert acknowledged = alerts.change(alert.moveTo(AlertState.ACKNOWLEDGED, "lead-a", T0.plusSeconds(1)),
                AlertState.OPEN).orElseThrow();
        assertThat(acknowledged.history()).extracting(change -> change.state() + " " + change.by())
                .containsExactly("OPEN metrics-service", "ACKNOWLEDGED lead-a");

        // Decided from a stale read: open -> resolved, but it is acknowledged now.
        assertThat(alerts.change(alert.moveTo(AlertState.RESOLVED, "lead-b", T0.plusSeconds(2)), AlertState.OPEN))
                .isEmpty();
        assertThat(alerts.find("harbor", alert.id()).orElseThrow()).isEqualTo(acknowledged);
    }

    @Test
    void concurrentRequestsOnOneAlertMakeEachChangeOnceAndRefuseTheRest() throws Exception {
        Alert alert = harm(UUID.randomUUID(), "harbor", T0);
        alerts.open(alert);
        AcknowledgeAlert acknowledge = new AcknowledgeAlert(alerts, Clock.fixed(T0.plusSeconds(1), ZoneOffset.UTC));
        ResolveAlert resolve = new ResolveAlert(alerts, Clock.fixed(T0.plusSeconds(2), ZoneOffset.UTC));

        List<Callable<Boolean>> requests = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String lead = "lead-" + i;
            requests.add(() -> refusedOrDone(() -> acknowledge.acknowledge(new AlertCommand("harbor", alert.id(), lead))));
            requests.add(() -> refusedOrDone(() -> resolve.resolve(new AlertCommand("harbor", alert.id(), lead))));
        }
        all(requests);

        Alert stored = alerts.find("harbor", alert.id()).orElseThrow();
        assertThat(stored.state()).isEqualTo(AlertState.RESOLVED);
        List<AlertState> states = stored.history().stream().map(change -> change.state()).toList();
        assertThat(states).first().isEqualTo(AlertState.OPEN);
        assertThat(states).last().isEqualTo(AlertState.RESOLVED);
        assertThat(states).doesNotHaveDuplicates();
    }

    @Test
    void theInboxIsNewestFirstByStateOneBoundedPageAtATimeAndOnlyTheAgencysOwn() {
        List<Alert> opened = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Alert alert = harm(UUID.randomUUID(), "harbor", T0.plusSeconds(i));
            alerts.open(alert);
            opened.add(alert);
        }
        alerts.open(harm(UUID.randomUUID(), "sunrise", T0.plusSeconds(10)));
        alerts.change(opened.get(1).moveTo(AlertState.RESOLVED, "lead", T0.plusSeconds(20)), AlertState.OPEN);

        assertThat(alerts.list("harbor", null, 0, 3)).extracting(Alert::id)
                .containsExactly(opened.get(4).id(), opened.get(3).id(), opened.get(2).id());
        assertThat(alerts.list("harbor", null, 3, 3)).extracting(Alert::id)
                .containsExactly(opened.get(1).id(), opened.get(0).id());
        assertThat(alerts.list("harbor", AlertState.RESOLVED, 0, 10)).extracting(Alert::id)
                .containsExactly(opened.get(1).id());
        assertThat(alerts.list("harbor", AlertState.OPEN, 0, 10)).hasSize(4);
        assertThat(alerts.list("sunrise", null, 0, 10)).hasSize(1);
    }

    private static boolean refusedOrDone(Runnable request) {
        try {
            request.run();
            return true;
        } catch (AlertTransitionRefused e) {
            return false;
        }
    }

    /** Runs every task at once (released together by a latch) and answers their results. */
    private static List<Boolean> all(List<Callable<Boolean>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> futures = new ArrayList<>();
            for (Callable<Boolean> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<Boolean> results = new ArrayList<>();
            for (Future<Boolean> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Alert harm(UUID feedbackId, String agency, Instant at) {
        return Alert.harmReport(new ReceivedFeedback(feedbackId, "s-1", new Cell(agency, "warmline", "sp-rivera"),
                Instant.parse("2026-11-19T15:00:00Z"), Map.of(), null, true, at), LocalDate.parse("2026-11-19"), at,
                Delivery.notConfigured());
    }

    private static Alert index(String agency, String program, Instant at) {
        return Alert.indexBelowFloor(UUID.randomUUID(), LOW_TRUST, agency, program, at, Delivery.notConfigured());
    }
}
