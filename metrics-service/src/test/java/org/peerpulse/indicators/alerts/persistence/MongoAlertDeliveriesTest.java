package org.peerpulse.indicators.alerts.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import org.peerpulse.indicators.alerts.domain.Alert;
import org.peerpulse.indicators.alerts.domain.AlertState;
import org.peerpulse.indicators.alerts.domain.Delivery;
import org.peerpulse.indicators.alerts.domain.DeliveryState;
import org.peerpulse.indicators.counting.domain.Cell;
import org.peerpulse.indicators.counting.domain.ReceivedFeedback;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.peerpulse.testsupport.TestBackends;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The notices' outbox on the embedded MongoDB stand-in: only pending and due notices are claimed, each by one
 * claimant at a time even when two race, again after a lease runs out, and only the holder records an outcome.
 */
class MongoAlertDeliveriesTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);

    private static MongoClient client;
    private MongoAlerts alerts;
    private MongoAlertDeliveries deliveries;

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
        TenantCollections tenants = new TenantCollections(new MongoTemplate(client, "deliveries-" + System.nanoTime()));
        alerts = new MongoAlerts(tenants);
        alerts.createIndexes();
        deliveries = new MongoAlertDeliveries(tenants);
        deliveries.createIndex();
    }

    @Test
    void onlyPendingDueNoticesAreClaimedEarliestFirstAcrossAgencies() {
        Alert later = harm("sunrise", T0.plusSeconds(5), Delivery.opening("https://hooks.example", T0.plusSeconds(5)));
        Alert first = harm("harbor", T0, Delivery.opening("https://hooks.example", T0));
        Alert notYet = harm("harbor", T0.plusSeconds(60), Delivery.opening("https://hooks.example", T0.plusSeconds(60)));
        Alert none = harm("harbor", T0, Delivery.notConfigured());
        List.of(later, first, notYet, none).forEach(alerts::open);

        List<Alert> claimed = deliveries.claimDue(T0.plusSeconds(10), LEASE, "a", 10);

        assertThat(claimed).extracting(Alert::id).containsExactly(first.id(), later.id());
        assertThat(claimed.get(0).delivery()).isEqualTo(first.delivery());
        assertThat(deliveries.claimDue(T0.plusSeconds(10), LEASE, "b", 10)).isEmpty();
        assertThat(deliveries.claimDue(T0.plusSeconds(10), LEASE, "a", 10)).isEmpty();
    }

    @Test
    void aLeaseThatRanOutIsClaimedAgainAndItsFormerHolderCannotRecord() {
        Alert alert = harm("harbor", T0, Delivery.opening("https://hooks.example", T0));
        alerts.open(alert);
        assertThat(deliveries.claimDue(T0, LEASE, "a", 1)).hasSize(1);
        assertThat(deliveries.claimDue(T0.plus(LEASE).minusMillis(1), LEASE, "b", 1)).isEmpty();

        assertThat(deliveries.claimDue(T0.plus(LEASE), LEASE, "b", 1)).hasSize(1);
        Delivery delivered = new Delivery(DeliveryState.DELIVERED, 1, null, 204, T0.plus(LEASE));
        assertThat(deliveries.record(alert, delivered, "a")).isFalse();
        assertThat(deliveries.record(alert, delivered, "b")).isTrue();

        assertThat(alerts.find("harbor", alert.id()).orElseThrow().delivery()).isEqualTo(delivered);
        assertThat(deliveries.claimDue(T0.plus(Duration.ofHours(1)), LEASE, "c", 1)).isEmpty();
    }

    @Test
    void aRetryIsClaimedAtItsTimeAndAStateChangeLeavesTheNoticeAlone() {
        Alert alert = harm("harbor", T0, Delivery.opening("https://hooks.example", T0));
        alerts.open(alert);
        deliveries.claimDue(T0, LEASE, "a", 1);
        Delivery retry = new Delivery(DeliveryState.PENDING, 1, T0.plusSeconds(5), 503, T0);
        assertThat(deliveries.record(alert, retry, "a")).isTrue();
        alerts.change(alert.moveTo(AlertState.ACKNOWLEDGED, "lead-ana", T0.plusSeconds(1)), AlertState.OPEN);

        assertThat(deliveries.claimDue(T0.plusSeconds(4), LEASE, "b", 1)).isEmpty();
        List<Alert> due = deliveries.claimDue(T0.plusSeconds(5), LEASE, "b", 1);
        assertThat(due).singleElement().satisfies(claimed -> {
            assertThat(claimed.delivery()).isEqualTo(retry);
            assertThat(claimed.state()).isEqualTo(AlertState.ACKNOWLEDGED);
        });
    }

    @Test
    void twoDispatchersRacingClaimEachNoticeOnce() throws Exception {
        List<UUID> opened = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Alert alert = harm("harbor", T0.plusMillis(i), Delivery.opening("https://hooks.example", T0.plusMillis(i)));
            alerts.open(alert);
            opened.add(alert.id());
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Alert>>> claims = new ArrayList<>();
            for (String claimant : List.of("a", "b")) {
                Callable<List<Alert>> claim = () -> {
                    start.await();
                    List<Alert> mine = new ArrayList<>();
                    List<Alert> round;
                    do {
                        round = deliveries.claimDue(T0.plusSeconds(1), LEASE, claimant, 3);
                        mine.addAll(round);
                    } while (!round.isEmpty());
                    return mine;
                };
                claims.add(pool.submit(claim));
            }
            start.countDown();
            List<UUID> claimed = new ArrayList<>();
            for (Future<List<Alert>> claim : claims) {
                claim.get().forEach(alert -> claimed.add(alert.id()));
            }
            assertThat(claimed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(opened);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Alert harm(String agency, Instant at, Delivery delivery) {
        return Alert.harmReport(new ReceivedFeedback(UUID.randomUUID(), "s-1", new Cell(agency, "warmline", "sp-rivera"),
                Instant.parse("2026-11-19T15:00:00Z"), Map.of(), null, true, at), LocalDate.parse("2026-11-19"), at,
                delivery);
    }
}
