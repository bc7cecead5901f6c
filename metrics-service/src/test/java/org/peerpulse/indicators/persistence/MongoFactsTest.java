package org.peerpulse.indicators.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerpulse.indicators.application.AppliedBatch;
import org.peerpulse.indicators.application.ApplyEvents;
import org.peerpulse.indicators.application.EventBatch;
import org.peerpulse.indicators.domain.AgencyCalendar;
import org.peerpulse.indicators.domain.Cell;
import org.peerpulse.indicators.domain.ConsumedEvent;
import org.peerpulse.indicators.domain.DayCounts;
import org.peerpulse.indicators.domain.LoggedSession;
import org.peerpulse.indicators.domain.RatingTally;
import org.peerpulse.indicators.domain.ReceivedFeedback;
import org.peerpulse.indicators.domain.RollupChange;
import org.peerpulse.indicators.domain.RollupKey;
import org.peerpulse.indicators.domain.Scope;
import org.peerpulse.indicators.domain.SessionChange;
import org.peerpulse.indicators.domain.SessionFact;
import org.peerpulse.indicators.domain.SessionRef;
import org.peerpulse.indicators.domain.SourcePosition;
import org.peerpulse.indicators.domain.VoidedSession;
import org.peerpulse.testsupport.TestBackends;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The facts adapter and the whole exactly-once fold on the embedded MongoDB stand-in, with the numbers
 * of {@code VoidsAndCopiesTest}:
 *
 * <pre>
 * s-1 2026-11-20 30 min peer, strength noted; f-1 for it: KINDNESS 5, hope 4, harm reported
 * s-2 2026-11-20 45 min peer;                 f-2 for it: KINDNESS 3, hope 2
 * s-1 voided: sessions 1, invitations 1, minutes 45, responses 1, KINDNESS {3}, hope {2}, harm 0
 * </pre>
 */
class MongoFactsTest {

    private static final String SESSIONS = "peerpulse.sessions.v1";
    private static final String FEEDBACK = "peerpulse.feedback.v1";
    private static final Cell RIVERA = new Cell("harbor", "warmline", "sp-rivera");
    private static final LocalDate DAY = LocalDate.parse("2026-11-20");
    private static final RollupKey RIVERA_20 = new RollupKey(RIVERA, DAY);
    private static final DayCounts S2_AND_F2 = new DayCounts(1, 1, 45, 45, 0, 0, 1,
            Map.of("KINDNESS", RatingTally.of(3)), RatingTally.of(2), 0);

    private static MongoClient client;
    private MongoTemplate mongo;
    private MongoFacts facts;
    private CrashingRollups rollups;
    private ApplyEvents applyEvents;

    @BeforeAll
    static void startStore() {
        client = MongoClients.create(TestBackends.mongoUri("facts"));
    }

    @AfterAll
    static void stopStore() {
        client.close();
    }

    @BeforeEach
    void freshDatabase() {
        mongo = new MongoTemplate(client, "facts-" + System.nanoTime());
        facts = new MongoFacts(new TenantCollections(mongo));
        rollups = new CrashingRollups(mongo);
        rollups.createIndexes();
        applyEvents = new ApplyEvents(facts, rollups, new AgencyCalendar(Map.of()));
    }

    @Test
    void factsKeepWhatEachEventAddedAndWhichFeedbackCounts() {
        apply(logged(0, "s-1", 30, true));
        apply(feedback(0, "f-1", "s-1", 5, 4, true));
        apply(voided(1, "v-1", "s-1"));

        Document session = mongo.findById("harbor|s-1", Document.class, "session_facts");
        assertThat(session.getString("agencyId")).isEqualTo("harbor");
        assertThat(session.getString("sessionId")).isEqualTo("s-1");
        Document logged = session.get("logged", Document.class);
        assertThat(logged.getString("eventId")).isEqualTo(id("s-1").toString());
        assertThat(logged.get("position", Document.class))
                .isEqualTo(new Document("topic", SESSIONS).append("partition", 0).append("offset", 0L));
        assertThat(logged.getString("programId")).isEqualTo("warmline");
        assertThat(logged.getString("specialistId")).isEqualTo("sp-rivera");
        assertThat(logged.getString("day")).isEqualTo("2026-11-20");
        assertThat(logged.getBoolean("counted")).isTrue();
        assertThat(logged.get("counts", Document.class)).isEqualTo(new Document("sessions", 1L).append("invitations", 1L)
                .append("minutes", 30L).append("peerMinutes", 30L).append("sessionsWithStrengths", 1L));
        assertThat(session.get("voided", Document.class).getString("eventId")).isEqualTo(id("v-1").toString());
        assertThat(session.getList("feedback", String.class)).containsExactly(id("f-1").toString());

        Document feedback = mongo.findById(id("f-1").toString(), Document.class, "feedback_facts");
        assertThat(feedback.getString("sessionId")).isEqualTo("s-1");
        assertThat(feedback.get("position", Document.class).getString("topic")).isEqualTo(FEEDBACK);
        Document counts = feedback.get("counts", Document.class);
        assertThat(counts.get("responses")).isEqualTo(1L);
        assertThat(counts.get("harmReports")).isEqualTo(1L);
        assertThat(counts.get("items", Document.class).get("KINDNESS", Document.class).get("r5")).isEqualTo(1L);
        assertThat(counts.get("hope", Document.class).get("r4")).isEqualTo(1L);

        // And they read back as they were written.
        SessionFact fact = facts.sessions(List.of(new SessionRef("harbor", "s-1"))).get(new SessionRef("harbor", "s-1"));
        assertThat(fact.logged().event().counts()).isEqualTo(logged(0, "s-1", 30, true).event().counts());
        assertThat(facts.feedback(List.of(id("f-1"))).get(id("f-1")).event().counts())
                .isEqualTo(feedback(0, "f-1", "s-1", 5, 4, true).event().counts());
    }

    @Test
    void aVoidAfterTheFeedbackTakesOutBoth() {
        apply(logged(0, "s-1", 30, true), logged(1, "s-2", 45, false));
        apply(feedback(0, "f-1", "s-1", 5, 4, true), feedback(1, "f-2", "s-2", 3, 2, false));

        apply(voided(2, "v-1", "s-1"));

        assertThat(counts()).isEqualTo(S2_AND_F2);
    }

    @Test
    void feedbackAfterTheVoidAddsNothingAndStaysOffTheSession() {
        apply(logged(0, "s-1", 30, true), logged(1, "s-2", 45, false), voided(2, "v-1", "s-1"));

        apply(feedback(0, "f-1", "s-1", 5, 4, true), feedback(1, "f-2", "s-2", 3, 2, false));

        assertThat(counts()).isEqualTo(S2_AND_F2);
        assertThat(mongo.findById("harbor|s-1", Document.class, "session_facts").get("feedback")).isNull();
    }

    @Test
    void feedbackBeforeItsSessionCountsAndLeavesWithTheVoid() {
        apply(feedback(0, "f-1", "s-1", 5, 4, true), feedback(1, "f-2", "s-2", 3, 2, false));
        assertThat(counts().responses()).isEqualTo(2);

        apply(logged(0, "s-1", 30, true), logged(1, "s-2", 45, false), voided(2, "v-1", "s-1"));

        assertThat(counts()).isEqualTo(S2_AND_F2);
    }

    @Test
    void theSameEventAtNewOffsetsCountsOnce() {
        apply(logged(0, "s-1", 30, true), logged(1, "s-2", 45, false), logged(2, "s-2", 45, false));
        apply(feedback(0, "f-2", "s-2", 3, 2, false), feedback(1, "f-2", "s-2", 3, 2, false));

        AppliedBatch copies = apply(logged(3, "s-2", 45, false), feedback(2, "f-2", "s-2", 3, 2, false),
                voided(4, "v-1", "s-1"), voided(5, "v-1", "s-1"));

        assertThat(copies.eventsCounted()).isEqualTo(1);
        assertThat(counts()).isEqualTo(S2_AND_F2);
        assertThat(mongo.findById(id("f-2").toString(), Document.class, "feedback_facts")
                .get("position", Document.class).get("offset")).isEqualTo(0L);
    }

    @Test
    void redeliveringTheSameBatchChangesNeitherFactsNorRollups() {
        EventBatch sessions = batch(logged(0, "s-1", 30, true), logged(1, "s-2", 45, false));
        EventBatch feedback = batch(feedback(0, "f-1", "s-1", 5, 4, true), feedback(1, "f-2", "s-2", 3, 2, false));
        EventBatch voids = batch(voided(2, "v-1", "s-1"));
        for (EventBatch batch : List.of(sessions, feedback, voids)) {
            applyEvents.apply(batch);
        }
        List<Document> before = everything();

        for (EventBatch batch : List.of(sessions, feedback, voids)) {
            assertThat(applyEvents.apply(batch)).isEqualTo(AppliedBatch.NOTHING);
        }

        assertThat(everything()).isEqualTo(before);
        assertThat(counts()).isEqualTo(S2_AND_F2);
    }

    @Test
    void aCrashBetweenTheFactsAndTheRollupsIsRepairedByTheRedelivery() {
        apply(logged(0, "s-1", 30, true), logged(1, "s-2", 45, false));
        EventBatch feedback = batch(feedback(0, "f-1", "s-1", 5, 4, true), feedback(1, "f-2", "s-2", 3, 2, false));
        rollups.crashes = 1;
        assertThatThrownBy(() -> applyEvents.apply(feedback)).isInstanceOf(IllegalStateException.class);
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "feedback_facts")).isEqualTo(2);

        // The void comes through first and takes f-1 out before its own write put it in.
        apply(voided(2, "v-1", "s-1"));
        assertThat(counts().responses()).isEqualTo(-1);

        applyEvents.apply(feedback);
        assertThat(counts()).isEqualTo(S2_AND_F2);
    }

    @Test
    void theFirstLoggedSessionAndVoidStayAndAVoidedSessionTakesNoMoreFeedback() {
        SessionRef s1 = new SessionRef("harbor", "s-1");
        SessionFact first = SessionFact.unknown(s1).after(logged(0, "s-1", 30, true), RIVERA_20);
        SessionFact other = SessionFact.unknown(s1).after(logged(7, "s-1", 99, false), RIVERA_20);
        facts.claim(Map.of(s1, Set.of(id("f-1"))));
        facts.record(List.of(new SessionChange(s1, first.logged(), null)));

        facts.record(List.of(new SessionChange(s1, other.logged(), null)));
        SessionFact voided = first.after(voided(1, "v-1", "s-1"), RIVERA_20);
        facts.record(List.of(new SessionChange(s1, null, voided.voided())));
        facts.record(List.of(new SessionChange(s1, null,
                first.after(voided(2, "v-2", "s-1"), RIVERA_20).voided())));
        facts.claim(Map.of(s1, Set.of(id("f-2"))));

        SessionFact stored = facts.sessions(List.of(s1)).get(s1);
        assertThat(stored.logged()).isEqualTo(first.logged());
        assertThat(stored.voided()).isEqualTo(voided.voided());
        assertThat(stored.feedback()).containsExactly(id("f-1"));
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "session_facts")).isEqualTo(1);
    }

    private DayCounts counts() {
        return rollups.find("harbor", Scope.specialist("sp-rivera"), DAY, DAY).stream()
                .map(rollup -> rollup.counts()).reduce(DayCounts.NONE, DayCounts::plus);
    }

    private List<Document> everything() {
        List<Document> all = new java.util.ArrayList<>();
        for (String collection : List.of("rollups", "session_facts", "feedback_facts")) {
            all.addAll(mongo.findAll(Document.class, collection));
        }
        return all;
    }

    private AppliedBatch apply(ConsumedEvent... events) {
        return applyEvents.apply(batch(events));
    }

    private static EventBatch batch(ConsumedEvent... events) {
        return new EventBatch(List.of(events));
    }

    private static ConsumedEvent logged(long offset, String sessionId, int minutes, boolean strengths) {
        return new ConsumedEvent(SourcePosition.of(SESSIONS, 0, offset), new LoggedSession(id(sessionId), sessionId,
                RIVERA, Instant.parse("2026-11-20T09:00:00Z"), minutes, true, strengths, false, true));
    }

    private static ConsumedEvent voided(long offset, String name, String sessionId) {
        return new ConsumedEvent(SourcePosition.of(SESSIONS, 0, offset),
                new VoidedSession(id(name), sessionId, RIVERA, Instant.parse("2026-11-20T09:00:00Z")));
    }

    private static ConsumedEvent feedback(long offset, String name, String sessionId, int kindness, int hope,
            boolean harm) {
        return new ConsumedEvent(SourcePosition.of(FEEDBACK, 0, offset), new ReceivedFeedback(id(name), sessionId,
                RIVERA, Instant.parse("2026-11-20T09:00:00Z"), Map.of("KINDNESS", kindness), hope, harm,
                Instant.parse("2026-11-20T10:00:00Z")));
    }

    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** The real adapter, except that it can die just before a rollup write, as a consumer killed there would. */
    private static final class CrashingRollups extends MongoRollups {

        int crashes;

        CrashingRollups(MongoTemplate mongo) {
            super(new TenantCollections(mongo));
        }

        @Override
        public Set<RollupKey> apply(List<RollupChange> changes) {
            if (crashes > 0) {
                crashes--;
                throw new IllegalStateException("killed before the rollup write");
            }
            return super.apply(changes);
        }
    }
}
