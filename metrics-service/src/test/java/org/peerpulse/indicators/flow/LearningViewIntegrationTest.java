package org.peerpulse.indicators.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.peerpulse.indicators.flow.TestApi.assertProblem;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.Topics;
import org.peerpulse.indicators.flow.TestApi.Answer;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.testsupport.PeerPulseIntegrationTest;
import org.peerpulse.testsupport.TestIssuer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A specialist's learning view on the real broker and store, over real HTTP: the specialist named by the
 * token sees their own released answers, strengths first and with no harm field; a colleague's answers and
 * another agency's never enter it; leads, ops and strangers are refused. Sessions are dated ten days back,
 * so they fall in the window of a release made this week whatever day the test runs.
 */
@PeerPulseIntegrationTest
class LearningViewIntegrationTest {

    private static final String GROUP = "learning-it-" + UUID.randomUUID();
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Agencies of this run only, so the shared store's other data cannot move the numbers. */
    private static final String AGENCY = "learn" + UUID.randomUUID().toString().substring(0, 8);
    private static final String OTHER = "other" + UUID.randomUUID().toString().substring(0, 8);
    /** An agency of its own for the reflection gap, so that its sessions move no other test's numbers. */
    private static final String GAP = "gap" + UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void group(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.consumer.group-id", () -> GROUP);
    }

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventCodec codec;
    @LocalServerPort
    int port;

    @Test
    void aSpecialistSeesOnlyTheirOwnReleasedAnswersStrengthsFirstAndNoHarm() throws Exception {
        TestEvents events = new TestEvents(kafka, codec);
        TestApi api = new TestApi(port);
        Instant tenDaysAgo = Instant.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.HOURS);
        publish(events, AGENCY, "sp-ana", tenDaysAgo, Map.of("KINDNESS", 5, "EMPATHY", 4, "NO_STIGMA", 3), 4, true);
        publish(events, AGENCY, "sp-dev", tenDaysAgo, Map.of("KINDNESS", 1, "EMPATHY", 2, "NO_STIGMA", 5), 1, false);
        publish(events, OTHER, "sp-ana", tenDaysAgo, Map.of("KINDNESS", 1, "EMPATHY", 1, "NO_STIGMA", 1), 1, false);
        String lead = TestApi.token(AGENCY, "quality_lead", "lead");
        for (String specialist : List.of("sp-ana", "sp-dev")) {
            await().atMost(WAIT).until(() -> api.get("/api/v1/dashboards/specialists/" + specialist
                    + "?from=" + LocalDate.now(ZoneOffset.UTC).minusDays(20), lead),
                    answer -> answer.status() == 200 && answer.body().get("responses").asLong() == 5);
        }

        Answer ana = api.get("/api/v1/learning", TestIssuer.shared().specialistToken(AGENCY, "sp-ana"));

        assertThat(ana.status()).isEqualTo(200);
        JsonNode view = ana.body();
        assertThat(view.get("agencyId").asString()).isEqualTo(AGENCY);
        assertThat(view.get("specialistId").asString()).isEqualTo("sp-ana");
        assertThat(view.get("released").asBoolean()).isTrue();
        LocalDate monday = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        assertThat(view.get("releasedAt").asString()).isEqualTo(monday + "T00:00:00Z");
        assertThat(view.get("responses").asLong()).isEqualTo(5);
        assertThat(view.get("signatureStrengths").get(0).asString()).isEqualTo("KINDNESS");
        assertThat(view.get("items").get(0).get("code").asString()).isEqualTo("KINDNESS");
        assertThat(view.get("items").get(0).get("mean").asDouble()).isEqualTo(5.0);
        assertThat(view.get("items").get(1).get("code").asString()).isEqualTo("EMPATHY");
        assertThat(view.get("hope").get("mean").asDouble()).isEqualTo(4.0);
        List<String> fields = new ArrayList<>(view.propertyNames());
        assertThat(fields).noneMatch(name -> name.toLowerCase().contains("harm")
                || name.toLowerCase().contains("comment") || name.toLowerCase().contains("alert"));
        assertThat(ana.contentType()).startsWith("application/json");

        Answer again = api.get("/api/v1/learning", TestIssuer.shared().specialistToken(AGENCY, "sp-ana"));
        assertThat(again.body()).isEqualTo(view);

        Answer dev = api.get("/api/v1/learning", TestIssuer.shared().specialistToken(AGENCY, "sp-dev"));
        assertThat(dev.body().get("specialistId").asString()).isEqualTo("sp-dev");
        assertThat(dev.body().get("items").get(0).get("code").asString()).isEqualTo("NO_STIGMA");

        Answer nobody = api.get("/api/v1/learning", TestIssuer.shared().specialistToken(AGENCY, "sp-new"));
        assertThat(nobody.status()).isEqualTo(200);
        assertThat(nobody.body().get("released").asBoolean()).isFalse();
        assertThat(nobody.body().get("responses").isNull()).isTrue();
        assertThat(nobody.body().get("status").asString()).doesNotContainPattern("\\d+ more");
    }

    /**
     * <pre>
     * GAP, sp-kim, ten days ago, k = 5:
     *   7 sessions practicing KINDNESS, one answer each: KINDNESS 5, 5, 4, 5, 4, 5 and 1; the last is voided
     *   5 sessions practicing EMPATHY only, one answer each: KINDNESS 4, 4, 4, 5, 4 and EMPATHY 4
     * KINDNESS: 6 sessions; 28 / 6 = 4.67 in them, 21 / 5 = 4.2 in the others.
     * EMPATHY: 5 sessions, 5 answers in them but none in the others: withheld.
     * </pre>
     */
    @Test
    void theReflectionGapComparesPracticedSessionsWithTheOthersOnceEachSideHasKAnswers() throws Exception {
        TestEvents events = new TestEvents(kafka, codec);
        TestApi api = new TestApi(port);
        Instant tenDaysAgo = Instant.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.HOURS);
        List<Integer> kindWhenPracticed = List.of(5, 5, 4, 5, 4, 5, 1);
        for (int i = 0; i < kindWhenPracticed.size(); i++) {
            SessionLogged session = TestEvents.practicing(
                    TestEvents.session(GAP, "warmline", "sp-kim", tenDaysAgo.plusSeconds(60L * i)), List.of("KINDNESS"));
            FeedbackSubmitted answer = TestEvents.feedback(session, Map.of("KINDNESS", kindWhenPracticed.get(i)), 4,
                    false);
            events.publish(Topics.SESSIONS, session);
            events.publish(Topics.FEEDBACK, answer);
            if (i == kindWhenPracticed.size() - 1) {
                // Voided: its session and its answer are taken back, as feedback-service withdraws it.
                events.publish(Topics.SESSIONS, TestEvents.voided(session));
                events.publish(Topics.FEEDBACK, TestEvents.withdrawn(answer));
            }
        }
        List<Integer> kindOtherwise = List.of(4, 4, 4, 5, 4);
        for (int i = 0; i < kindOtherwise.size(); i++) {
            SessionLogged session = TestEvents.practicing(
                    TestEvents.session(GAP, "warmline", "sp-kim", tenDaysAgo.plusSeconds(3600 + 60L * i)),
                    List.of("EMPATHY"));
            events.publish(Topics.SESSIONS, session);
            events.publish(Topics.FEEDBACK, TestEvents.feedback(session,
                    Map.of("KINDNESS", kindOtherwise.get(i), "EMPATHY", 4), 4, false));
        }
        String lead = TestApi.token(GAP, "quality_lead", "lead");
        // Read only once everything is counted, void and withdrawal included: the week's release is then fixed.
        await().atMost(WAIT).until(() -> api.get("/api/v1/dashboards/specialists/sp-kim?from="
                + LocalDate.now(ZoneOffset.UTC).minusDays(20), lead),
                answer -> answer.status() == 200 && answer.body().get("sessions").asLong() == 11
                        && answer.body().get("responses").asLong() == 11);

        Answer kim = api.get("/api/v1/learning", TestIssuer.shared().specialistToken(GAP, "sp-kim"));

        assertThat(kim.status()).isEqualTo(200);
        assertThat(kim.body().get("released").asBoolean()).isTrue();
        assertThat(kim.body().get("responses").asLong()).isEqualTo(11);
        assertThat(kim.body().get("reflectionGap")).isEqualTo(TestApi.JSON.readTree("""
                [{"code": "KINDNESS", "practicedSessions": 6, "meanWhenPracticed": 4.67, "meanOtherwise": 4.2,
                  "withheld": false},
                 {"code": "EMPATHY", "practicedSessions": 5, "meanWhenPracticed": null, "meanOtherwise": null,
                  "withheld": true}]
                """));

        Answer nobody = api.get("/api/v1/learning", TestIssuer.shared().specialistToken(GAP, "sp-new"));
        assertThat(nobody.body().get("reflectionGap").isEmpty()).isTrue();
    }

    @Test
    void leadsOpsAndStrangersAreRefused() throws Exception {
        TestApi api = new TestApi(port);
        assertProblem(api.get("/api/v1/learning", TestApi.token(AGENCY, "quality_lead", "lead")), 403);
        assertProblem(api.get("/api/v1/learning", TestIssuer.shared().token(Map.of("roles", List.of("ops")),
                Duration.ofMinutes(10))), 403);
        assertProblem(api.get("/api/v1/learning", null), 401);
        Answer noClaim = api.get("/api/v1/learning", TestApi.token(AGENCY, "specialist", "peer"));
        assertProblem(noClaim, 403);
        assertThat(noClaim.body().get("detail").asString()).contains("no specialist id");
    }

    private static void publish(TestEvents events, String agency, String specialist, Instant at,
            Map<String, Integer> ratings, int hope, boolean harm) throws Exception {
        for (int i = 0; i < 5; i++) {
            SessionLogged session = TestEvents.session(agency, "warmline", specialist, at.plusSeconds(60L * i));
            events.publish(Topics.SESSIONS, session);
            events.publish(Topics.FEEDBACK, TestEvents.feedback(session, ratings, hope, harm && i == 0));
        }
    }
}
