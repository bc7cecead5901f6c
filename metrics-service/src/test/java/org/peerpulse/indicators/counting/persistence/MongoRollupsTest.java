package org.peerpulse.indicators.counting.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerpulse.indicators.agencies.domain.InMemoryAgencies;
import org.peerpulse.indicators.counting.application.AppliedBatch;
import org.peerpulse.indicators.counting.application.ApplyEvents;
import org.peerpulse.indicators.counting.application.EventBatch;
import org.peerpulse.indicators.counting.domain.Cell;
import org.peerpulse.indicators.counting.domain.CellRollup;
import org.peerpulse.indicators.counting.domain.ConsumedEvent;
import org.peerpulse.indicators.counting.domain.Contribution;
import org.peerpulse.indicators.counting.domain.DayCounts;
import org.peerpulse.indicators.counting.domain.LoggedSession;
import org.peerpulse.indicators.counting.domain.RatingTally;
import org.peerpulse.indicators.counting.domain.ReceivedFeedback;
import org.peerpulse.indicators.counting.domain.RollupChange;
import org.peerpulse.indicators.counting.domain.RollupKey;
import org.peerpulse.indicators.counting.domain.SourcePartition;
import org.peerpulse.indicators.counting.domain.SourcePosition;
import org.peerpulse.indicators.counting.domain.VoidedSession;
import org.peerpulse.indicators.counting.domain.Watermarks;
import org.peerpulse.indicators.counting.domain.WithdrawnFeedback;
import org.peerpulse.indicators.dashboards.domain.Scope;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.peerpulse.testsupport.TestBackends;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The rollup adapter and the exactly-once fold on the embedded MongoDB stand-in. */
class MongoRollupsTest {

    private static final String SESSIONS = "peerpulse.sessions.v1";
    private static final String FEEDBACK = "peerpulse.feedback.v1";
    private static final Cell RIVERA = new Cell("harbor", "warmline", "sp-rivera");
    private static final Cell CHEN = new Cell("harbor", "peer-navigation", "sp-chen");
    private static final Cell SUNRISE = new Cell("sunrise", "warmline", "sp-rivera");
    private static final LocalDate DAY = LocalDate.parse("2026-11-20");
    private static final RollupKey RIVERA_20 = new RollupKey(RIVERA, DAY);

    private static MongoClient client;
    private MongoTemplate mongo;
    private MongoRollups rollups;
    private ApplyEvents applyEvents;

    @BeforeAll
    static void startStore() {
        client = MongoClients.create(TestBackends.mongoUri("rollups"));
    }

    @AfterAll
    static void stopStore() {
        client.close();
    }

    @BeforeEach
    void freshDatabase() {
        mongo = new MongoTemplate(client, "rollups-" + System.nanoTime());
        rollups = new MongoRollups(new TenantCollections(mongo));
        rollups.createIndexes();
        applyEvents = new ApplyEvents(rollups, new MongoCopyWindows(new TenantCollections(mongo)),
                new InMemoryAgencies().calendar(), 1_000);
    }

    @Test
    void aBatchBecomesOneDocumentPerCellAndDay() {
        applyEvents.apply(batch());

        Document stored = mongo.findById(RIVERA_20.id(), Document.class, "rollups");
        assertThat(stored).isNotNull();
        assertThat(stored.getString("agencyId")).isEqualTo("harbor");
        assertThat(stored.getString("programId")).isEqualTo("warmline");
        assertThat(stored.getString("specialistId")).isEqualTo("sp-rivera");
        assertThat(stored.getString("day")).isEqualTo("2026-11-20");
        assertThat(((Number) stored.get("sessions")).longValue()).isEqualTo(2);
        assertThat(((Number) stored.get("minutes")).longValue()).isEqualTo(75);
        Document kindness = stored.get("items", Document.class).get("KINDNESS", Document.class);
        assertThat(((Number) kindness.get("responses")).longValue()).isEqualTo(2);
        assertThat(((Number) kindness.get("sum")).longValue()).isEqualTo(9);
        assertThat(((Number) kindness.get("r4")).longValue()).isEqualTo(1);
        assertThat(((Number) kindness.get("r5")).longValue()).isEqualTo(1);
        assertThat(stored.get("watermarks", Document.class))
                .containsEntry("peerpulse%2Esessions%2Ev1~0", 1L)
                .containsEntry("peerpulse%2Efeedback%2Ev1~0", 1L);
        assertThat(mongo.count(new Query(), "rollups")).isEqualTo(3);
    }

    @Test
    void readsBackTheCountsOfAScope() {
        applyEvents.apply(batch());

        List<CellRollup> agency = rollups.findAll("harbor");
        assertThat(agency).hasSize(2);
        CellRollup rivera = of(agency, "sp-rivera", DAY);
        assertThat(rivera.counts()).isEqualTo(new DayCounts(2, 2, 75, 75, 0, 0, 2,
                Map.of("KINDNESS", new RatingTally(0, 0, 0, 1, 1), "EMPATHY", RatingTally.of(3)),
                new RatingTally(0, 0, 1, 0, 1), 1, Map.of(), Map.of(), Map.of("KINDNESS", 2L, "EMPATHY", 1L), Map.of()));
        assertThat(agency).extracting(rollup -> rollup.cell().programId())
                .containsExactlyInAnyOrder("warmline", "peer-navigation");
        // Another agency's cell with the same program and specialist ids stays its own.
        assertThat(rollups.findAll("sunrise")).singleElement()
                .extracting(rollup -> rollup.counts().sessions()).isEqualTo(1L);
    }

    @Test
    void redeliveringTheSameRecordsChangesNothing() {
        applyEvents.apply(batch());
        List<Document> before = mongo.findAll(Document.class, "rollups");

        AppliedBatch again = applyEvents.apply(batch());

        assertThat(again.eventsCounted()).isZero();
        assertThat(again.rollupsWritten()).isZero();
        assertThat(mongo.findAll(Document.class, "rollups")).isEqualTo(before);
    }

    @Test
    void aRedeliveryThatOverlapsNewRecordsCountsOnlyTheNewOnes() {
        List<ConsumedEvent> first = batch().events();
        applyEvents.apply(new EventBatch(first.subList(0, 2)));

        List<ConsumedEvent> overlapping = new ArrayList<>(first);
        overlapping.add(session(2, RIVERA, 15));
        applyEvents.apply(new EventBatch(overlapping));

        DayCounts rivera = of(rollups.findAll("harbor"), "sp-rivera", DAY).counts();
        assertThat(rivera.sessions()).isEqualTo(3);
        assertThat(rivera.minutes()).isEqualTo(90);
        assertThat(rivera.responses()).isEqualTo(2);
    }

    @Test
    void aWriteOfWhatTheWatermarkCoversIsRefusedAndReported() {
        applyEvents.apply(batch());
        SourcePartition sessions0 = new SourcePartition(SESSIONS, 0);
        // Planned on no watermark, but the stored one is already at offset 1: offset 1 is in.
        RollupChange stale = RollupChange.plan(RIVERA_20, Watermarks.NONE, List.of(contribution(session(1, RIVERA, 45))))
                .orElseThrow();
        RollupChange fresh = RollupChange.plan(new RollupKey(CHEN, DAY.plusDays(1)), Watermarks.NONE,
                List.of(new Contribution(new RollupKey(CHEN, DAY.plusDays(1)), SourcePosition.of(SESSIONS, 0, 3),
                        new LoggedSession(id("c3"), "c3", CHEN, Instant.parse("2026-11-21T10:00:00Z"), 20, true, false,
                                false, 1).counts())))
                .orElseThrow();

        assertThat(rollups.apply(List.of(stale, fresh))).containsExactly(RIVERA_20);

        assertThat(rollups.watermarks(List.of(RIVERA_20)).get(RIVERA_20).of(sessions0)).contains(1L);
        assertThat(of(rollups.findAll("harbor"), "sp-rivera", DAY).counts().minutes()).isEqualTo(75);
        assertThat(of(rollups.findAll("harbor"), "sp-chen", DAY.plusDays(1)).counts().minutes()).isEqualTo(20L);
    }

    @Test
    void aWriteAboveTheStoredWatermarkGoesThroughWithoutReadingIt() {
        applyEvents.apply(batch());
        RollupChange change = RollupChange.plan(RIVERA_20, Watermarks.NONE, List.of(contribution(session(2, RIVERA, 15))))
                .orElseThrow();

        assertThat(rollups.apply(List.of(change))).isEmpty();

        Document stored = mongo.findOne(Query.query(Criteria.where("_id").is(RIVERA_20.id())), Document.class,
                "rollups");
        assertThat(((Number) stored.get("minutes")).longValue()).isEqualTo(90);
        assertThat(stored.get("watermarks", Document.class)).containsEntry("peerpulse%2Esessions%2Ev1~0", 2L);
    }

    @Test
    void valuesPracticedAreStoredAndAddedLikeItemsAndAVoidTakesThemBack() {
        Instant at = Instant.parse("2026-11-20T09:00:00Z");
        LoggedSession kind = new LoggedSession(id("p0"), "p0", RIVERA, at, 30, true, false, false, 1,
                List.of("KINDNESS", "EMPATHY"));
        LoggedSession alsoKind = new LoggedSession(id("p1"), "p1", RIVERA, at, 30, true, false, false, 1,
                List.of("KINDNESS"));
        ReceivedFeedback toKind = new ReceivedFeedback(id("q0"), "p0", RIVERA, at, Map.of("KINDNESS", 5, "EMPATHY", 2),
                4, false, at.plusSeconds(60), List.of("KINDNESS", "EMPATHY"));
        ReceivedFeedback toAlsoKind = new ReceivedFeedback(id("q1"), "p1", RIVERA, at, Map.of("KINDNESS", 3), null,
                false, at.plusSeconds(60), List.of("KINDNESS"));
        applyEvents.apply(new EventBatch(List.of(
                new ConsumedEvent(SourcePosition.of(SESSIONS, 0, 0), kind),
                new ConsumedEvent(SourcePosition.of(SESSIONS, 0, 1), alsoKind),
                new ConsumedEvent(SourcePosition.of(FEEDBACK, 0, 0), toKind),
                new ConsumedEvent(SourcePosition.of(FEEDBACK, 0, 1), toAlsoKind))));

        Document stored = mongo.findById(RIVERA_20.id(), Document.class, "rollups");
        assertThat(stored.get("practicedSessions", Document.class))
                .isEqualTo(new Document("EMPATHY", 1L).append("KINDNESS", 2L));
        Document kindness = stored.get("practicedItems", Document.class).get("KINDNESS", Document.class);
        assertThat(((Number) kindness.get("responses")).longValue()).isEqualTo(2);
        assertThat(((Number) kindness.get("sum")).longValue()).isEqualTo(8);
        DayCounts read = of(rollups.findAll("harbor"), "sp-rivera", DAY).counts();
        assertThat(read).isEqualTo(kind.counts().plus(alsoKind.counts()).plus(toKind.counts()).plus(toAlsoKind.counts()));
        assertThat(read.practicedItem("EMPATHY")).isEqualTo(RatingTally.of(2));

        applyEvents.apply(new EventBatch(List.of(
                new ConsumedEvent(SourcePosition.of(SESSIONS, 0, 2), new VoidedSession(id("v1"), alsoKind)),
                new ConsumedEvent(SourcePosition.of(FEEDBACK, 0, 2), new WithdrawnFeedback(id("w1"), toAlsoKind)))));

        DayCounts afterVoid = of(rollups.findAll("harbor"), "sp-rivera", DAY).counts();
        assertThat(afterVoid.practicedSessions()).isEqualTo(Map.of("KINDNESS", 1L, "EMPATHY", 1L));
        assertThat(afterVoid.practicedItems())
                .isEqualTo(Map.of("KINDNESS", RatingTally.of(5), "EMPATHY", RatingTally.of(2)));
        assertThat(afterVoid).isEqualTo(kind.counts().plus(toKind.counts()));
    }

    private static CellRollup of(List<CellRollup> rollups, String specialist, LocalDate day) {
        return rollups.stream().filter(rollup -> rollup.cell().specialistId().equals(specialist)
                && rollup.day().equals(day)).findFirst().orElseThrow();
    }

    /** Sessions at offsets 0, 1 and 3 on the sessions topic; feedback at 0 and 1 on the feedback topic. */
    private static EventBatch batch() {
        return new EventBatch(List.of(
                session(0, RIVERA, 30),
                session(1, RIVERA, 45),
                session(3, SUNRISE, 50),
                new ConsumedEvent(SourcePosition.of(SESSIONS, 0, 4),
                        new LoggedSession(id("s4"), "s4", CHEN, Instant.parse("2026-11-20T11:00:00Z"), 10, false, true,
                                true, 0)),
                feedback(0, Map.of("KINDNESS", 5, "EMPATHY", 3), 5, true),
                feedback(1, Map.of("KINDNESS", 4), 3, false)));
    }

    private static ConsumedEvent session(long offset, Cell cell, int minutes) {
        return new ConsumedEvent(SourcePosition.of(SESSIONS, 0, offset),
                new LoggedSession(id("s" + offset), "s" + offset, cell, Instant.parse("2026-11-20T09:00:00Z"), minutes,
                        true, false, false, 1));
    }

    private static ConsumedEvent feedback(long offset, Map<String, Integer> ratings, Integer hope, boolean harm) {
        return new ConsumedEvent(SourcePosition.of(FEEDBACK, 0, offset),
                new ReceivedFeedback(id("f" + offset), "s" + offset, RIVERA, Instant.parse("2026-11-20T09:00:00Z"),
                        ratings, hope, harm, Instant.parse("2026-11-20T10:00:00Z")));
    }

    private static Contribution contribution(ConsumedEvent session) {
        return new Contribution(RIVERA_20, session.position(), session.event().counts());
    }

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
