package org.peerpulse.indicators.dashboards.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.EventIds;
import org.peerpulse.indicators.agencies.domain.InMemoryAgencies;
import org.peerpulse.indicators.counting.application.ApplyEvents;
import org.peerpulse.indicators.counting.application.EventBatch;
import org.peerpulse.indicators.counting.domain.Cell;
import org.peerpulse.indicators.counting.domain.CellRollup;
import org.peerpulse.indicators.counting.domain.ConsumedEvent;
import org.peerpulse.indicators.counting.domain.LoggedSession;
import org.peerpulse.indicators.counting.domain.SourcePosition;
import org.peerpulse.indicators.counting.persistence.MongoCopyWindows;
import org.peerpulse.indicators.counting.persistence.MongoRollups;
import org.peerpulse.indicators.dashboards.domain.Scope;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.peerpulse.testsupport.TestBackends;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The dashboards' in-memory copy on the embedded MongoDB stand-in: it answers from memory while nothing
 * changed, and a batch counted by any instance (another {@link ApplyEvents} on the same store) makes the
 * next read fetch the agency again.
 */
class RollupsInMemoryTest {

    private static final Cell RIVERA = new Cell("harbor", "warmline", "sp-rivera");
    private static final Cell OKAFOR = new Cell("harbor", "peer-navigation", "sp-okafor");
    private static final LocalDate DAY = LocalDate.parse("2026-11-20");

    private MongoClient client;
    private MongoTemplate mongo;
    private MongoRollups store;
    private long offset;

    @BeforeEach
    void freshDatabase() {
        client = MongoClients.create(TestBackends.mongoUri("rollups-in-memory"));
        mongo = new MongoTemplate(client, "rollups-in-memory-" + System.nanoTime());
        store = new MongoRollups(new TenantCollections(mongo));
        store.createIndexes();
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void answersFromMemoryUntilABatchChangesTheAgencyInAnyInstance() {
        RollupsInMemory dashboards = new RollupsInMemory(store);
        count(instance(), RIVERA, DAY);

        assertThat(sessions(dashboards.findAll("harbor", DAY, DAY))).isEqualTo(1);
        assertThat(dashboards.knows("harbor", Scope.program("warmline"))).isTrue();
        assertThat(dashboards.knows("harbor", Scope.program("peer-navigation"))).isFalse();

        // A hand edit behind counting's back is not seen: nothing moved the version.
        mongo.getCollection("rollups").updateMany(new org.bson.Document(),
                new org.bson.Document("$inc", new org.bson.Document("sessions", 100)));
        assertThat(sessions(dashboards.findAll("harbor", DAY, DAY))).as("served from memory").isEqualTo(1);

        // Another instance counts a batch: the next read fetches the agency again.
        count(instance(), OKAFOR, DAY.plusDays(1));
        assertThat(sessions(dashboards.findAll("harbor", DAY, DAY.plusDays(1)))).isEqualTo(102);
        assertThat(dashboards.knows("harbor", Scope.program("peer-navigation"))).isTrue();
        assertThat(dashboards.findAll("harbor", DAY.plusDays(1), DAY.plusDays(1))).singleElement()
                .extracting(rollup -> rollup.cell().specialistId()).isEqualTo("sp-okafor");
        assertThat(dashboards.findAll("harbor", DAY.minusDays(3), DAY.minusDays(1))).isEmpty();
        assertThat(dashboards.findAll("sunrise", DAY, DAY)).as("another agency has its own copy").isEmpty();
    }

    private ApplyEvents instance() {
        return new ApplyEvents(store, new MongoCopyWindows(new TenantCollections(mongo)),
                new InMemoryAgencies().calendar(), 1_000);
    }

    private void count(ApplyEvents applying, Cell cell, LocalDate day) {
        applying.apply(new EventBatch(List.of(new ConsumedEvent(
                SourcePosition.of("peerpulse.sessions.v1", 0, offset++),
                new LoggedSession(EventIds.newId(), UUID.randomUUID().toString(), cell,
                        Instant.parse(day + "T09:00:00Z"), 30, true, false, false, 1)))));
    }

    private static long sessions(List<CellRollup> rollups) {
        return rollups.stream().mapToLong(rollup -> rollup.counts().sessions()).sum();
    }
}
