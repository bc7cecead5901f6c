package org.peerpulse.indicators.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.peerpulse.indicators.flow.TestApi.assertProblem;
import static org.peerpulse.indicators.flow.TestApi.token;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.Topics;
import org.peerpulse.indicators.agencies.domain.Agencies;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.testsupport.PeerPulseIntegrationTest;
import org.peerpulse.testsupport.TestBackends;
import org.peerpulse.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Alerts on the real broker and store, over real HTTP: a harm report opens exactly one alert within
 * 5 seconds, however often its record is delivered; quality leads acknowledge and resolve it with an
 * audit trail; the rules, the tenant boundary and the roles hold; an index under its agency's floor
 * opens one alert per scope and does not repeat it while it is open.
 */
@PeerPulseIntegrationTest
class AlertFlowIntegrationTest {

    private static final String GROUP = "alerts-it-" + UUID.randomUUID();
    private static final String FLOORS = "floors-" + UUID.randomUUID();
    private static final Duration HARM_ALERT_DEADLINE = Duration.ofSeconds(5);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void group(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.consumer.group-id", () -> GROUP);
    }

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventCodec codec;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    MeterRegistry meters;
    @Autowired
    Agencies agencies;
    @LocalServerPort
    int port;

    private TestEvents events;
    private TestApi api;

    @BeforeEach
    void consumersAreListening() {
        events = new TestEvents(kafka, codec);
        api = new TestApi(port);
        // The 5 seconds are the consumer's: a group still forming at context start is not part of them.
        await().atMost(WAIT).until(() -> listeners.getListenerContainers().stream()
                .allMatch(container -> !container.getAssignedPartitions().isEmpty()));
    }

    @Test
    void aHarmReportOpensExactlyOneAlertWithinFiveSecondsWhichLeadsAcknowledgeAndResolve() throws Exception {
        String agency = "harm-" + UUID.randomUUID();
        String lead = token(agency, "quality_lead", "lead-ana");
        SessionLogged session = TestEvents.session(agency, "warmline", "sp-rivera",
                Instant.parse("2026-11-20T09:00:00Z"));
        FeedbackSubmitted harm = TestEvents.feedback(session, Map.of("KINDNESS", 1), 1, true);
        events.publish(Topics.SESSIONS, session);
        events.send(events.record(Topics.FEEDBACK, harm));
        // The same event again (same id, headers and body), as a producer retry or an outbox relay that crashed
        // before marking it. A new record each time: a sent record's headers are closed to further writes.
        events.send(events.record(Topics.FEEDBACK, harm));

        JsonNode alert = await().atMost(HARM_ALERT_DEADLINE)
                .until(() -> alerts(agency, "?state=open", lead), items -> items.size() == 1).get(0);
        awaitCaughtUp();
        assertThat(alerts(agency, "", lead)).hasSize(1);
        // Other tests' harm reports are counted too (the group reads the shared topics from the start),
        // so this checks the meter is there and tagged by kind (and the common application tag) only; the list
        // above proves "exactly one".
        assertThat(meters.get("peerpulse.indicators.alerts.opened").counters())
                .allSatisfy(counter -> assertThat(counter.getId().getTags()).extracting(tag -> tag.getKey())
                        .containsExactlyInAnyOrder("application", "kind"))
                .anySatisfy(counter -> assertThat(counter.count()).isPositive());

        assertThat(alert.get("kind").asString()).isEqualTo("HARM_REPORT");
        assertThat(alert.get("agencyId").asString()).isEqualTo(agency);
        assertThat(alert.get("programId").asString()).isEqualTo("warmline");
        assertThat(alert.get("specialistId").asString()).isEqualTo("sp-rivera");
        assertThat(alert.get("sessionId").asString()).isEqualTo(session.sessionId());
        assertThat(alert.get("sessionDate").asString()).isEqualTo("2026-11-20");
        assertThat(alert.get("state").asString()).isEqualTo("open");
        assertThat(alert.get("history")).hasSize(1);
        assertThat(alert.get("history").get(0).get("by").asString()).isEqualTo("metrics-service");
        assertThat(alert.toString()).doesNotContain("pseudonym");
        String id = alert.get("id").asString();

        TestApi.Answer acknowledged = api.post("/api/v1/alerts/" + id + "/acknowledge", lead);
        assertThat(acknowledged.status()).isEqualTo(200);
        assertThat(acknowledged.body().get("state").asString()).isEqualTo("acknowledged");
        assertThat(acknowledged.body().get("history").get(1).get("state").asString()).isEqualTo("acknowledged");
        assertThat(acknowledged.body().get("history").get(1).get("by").asString()).isEqualTo("lead-ana");
        Instant at = Instant.parse(acknowledged.body().get("history").get(1).get("at").asString());
        assertThat(at).isBetween(Instant.now().minusSeconds(30), Instant.now().plusSeconds(1));

        TestApi.Answer again = api.post("/api/v1/alerts/" + id + "/acknowledge", lead);
        assertProblem(again, 409);
        assertThat(again.body().get("state").asString()).isEqualTo("acknowledged");

        String otherLead = token(agency, "quality_lead", "lead-ben");
        TestApi.Answer resolved = api.post("/api/v1/alerts/" + id + "/resolve", otherLead);
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.body().get("state").asString()).isEqualTo("resolved");
        assertThat(resolved.body().get("history")).extracting(change -> change.get("state").asString() + " by "
                + change.get("by").asString())
                .containsExactly("open by metrics-service", "acknowledged by lead-ana", "resolved by lead-ben");
        assertProblem(api.post("/api/v1/alerts/" + id + "/resolve", lead), 409);
        assertProblem(api.post("/api/v1/alerts/" + id + "/acknowledge", lead), 409);

        assertThat(alerts(agency, "?state=open", lead)).isEmpty();
        assertThat(alerts(agency, "?state=resolved", lead).get(0)).isEqualTo(resolved.body());
    }

    @Test
    void aHarmReportWhoseSessionIsVoidedKeepsItsAlertButLeavesTheCounts() throws Exception {
        String agency = "voided-harm-" + UUID.randomUUID();
        String lead = token(agency, "quality_lead", "lead-ana");
        SessionLogged session = TestEvents.session(agency, "warmline", "sp-chen", Instant.parse("2026-11-21T09:00:00Z"));

        FeedbackSubmitted harm = TestEvents.feedback(session, Map.of(), 2, true);
        events.publish(Topics.SESSIONS, session);
        events.publish(Topics.FEEDBACK, harm);
        events.publish(Topics.SESSIONS, TestEvents.voided(session));
        events.publish(Topics.FEEDBACK, TestEvents.withdrawn(harm));

        JsonNode alert = await().atMost(HARM_ALERT_DEADLINE)
                .until(() -> alerts(agency, "", lead), items -> items.size() == 1).get(0);
        assertThat(alert.get("sessionId").asString()).isEqualTo(session.sessionId());
        awaitCaughtUp();
        JsonNode dashboard = api.get("/api/v1/dashboards/agency?from=2026-11-16&to=2026-11-22", lead).body();
        assertThat(dashboard.get("harmReports").asLong()).isZero();
    }

    @Test
    void onlyTheQualityLeadsOfTheAlertsAgencySeeOrChangeIt() throws Exception {
        String agency = "tenant-" + UUID.randomUUID();
        String lead = token(agency, "quality_lead", "lead-ana");
        SessionLogged session = TestEvents.session(agency, "warmline", "sp-rivera", Instant.parse("2026-11-20T09:00:00Z"));
        events.publish(Topics.FEEDBACK, TestEvents.feedback(session, Map.of(), 3, true));
        String id = await().atMost(WAIT).until(() -> alerts(agency, "", lead), items -> items.size() == 1)
                .get(0).get("id").asString();

        String strangerLead = token("other-" + UUID.randomUUID(), "quality_lead", "lead-zed");
        assertProblem(api.post("/api/v1/alerts/" + id + "/acknowledge", strangerLead), 404);
        assertProblem(api.post("/api/v1/alerts/" + id + "/resolve", strangerLead), 404);
        assertThat(api.get("/api/v1/alerts", strangerLead).body().get("items")).isEmpty();

        String specialist = token(agency, "specialist", "sp-rivera");
        assertProblem(api.get("/api/v1/alerts", specialist), 403);
        assertProblem(api.post("/api/v1/alerts/" + id + "/acknowledge", specialist), 403);
        assertProblem(api.post("/api/v1/alerts/" + id + "/resolve", specialist), 403);
        assertProblem(api.get("/api/v1/alerts", null), 401);
        assertProblem(api.post("/api/v1/alerts/" + id + "/acknowledge", null), 401);

        assertProblem(api.post("/api/v1/alerts/" + UUID.randomUUID() + "/acknowledge", lead), 404);
        assertProblem(api.post("/api/v1/alerts/not-an-id/acknowledge", lead), 404);
        assertProblem(api.get("/api/v1/alerts?state=closed", lead), 400);
        assertProblem(api.get("/api/v1/alerts?size=101", lead), 400);
        assertProblem(api.get("/api/v1/alerts?page=-1", lead), 400);
        assertThat(alerts(agency, "?state=open", lead).get(0).get("state").asString()).isEqualTo("open");
    }

    /**
     * Five sessions two days ago in warmline of FLOORS, each rated SAFE_ATMOSPHERE 2: TRUST index
     * (2 - 1) / 4 * 100 = 25. Once they are counted, its lead sets a TRUST floor of 70 and a values floor of 20
     * while the service runs: 25 is below 70, for the agency and for warmline, with no further event; no value
     * item is rated, so the values index is suppressed (null) and opens nothing.
     */
    @Test
    void anIndexBelowItsAgencysFloorOpensOneAlertPerScopeAndDoesNotRepeatIt() throws Exception {
        String lead = token(FLOORS, "quality_lead", "lead-ana");
        Instant twoDaysAgo = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(2)).plusSeconds(12 * 3600);
        for (int i = 0; i < 5; i++) {
            SessionLogged session = TestEvents.session(FLOORS, "warmline", "sp-" + i, twoDaysAgo);
            events.publish(Topics.SESSIONS, session);
            events.publish(Topics.FEEDBACK, TestEvents.feedback(session, Map.of("SAFE_ATMOSPHERE", 2), 3, false));
        }
        awaitCaughtUp();
        assertThat(alerts(FLOORS, "", lead)).isEmpty();
        events.settle(TestEvents.settingsChanged(FLOORS, 1, "UTC", 5, List.of(), 20.0, 70.0), agencies);

        List<JsonNode> opened = await().atMost(WAIT).until(() -> alerts(FLOORS, "", lead), items -> items.size() == 2);
        assertThat(opened).allSatisfy(alert -> {
            assertThat(alert.get("kind").asString()).isEqualTo("TRUST_INDEX_BELOW_FLOOR");
            assertThat(alert.get("index").asDouble()).isEqualTo(25.0);
            assertThat(alert.get("floor").asDouble()).isEqualTo(70.0);
            assertThat(alert.get("sessionId").isNull()).isTrue();
            assertThat(alert.get("specialistId").isNull()).isTrue();
        });
        assertThat(opened).extracting(alert -> alert.get("programId").isNull() ? "agency" : alert.get("programId").asString())
                .containsExactlyInAnyOrder("agency", "warmline");

        // Still below the floor, and more events: the open alerts are not repeated.
        SessionLogged more = TestEvents.session(FLOORS, "warmline", "sp-9", twoDaysAgo);
        events.publish(Topics.SESSIONS, more);
        events.publish(Topics.FEEDBACK, TestEvents.feedback(more, Map.of("SAFE_ATMOSPHERE", 1), 3, false));
        awaitCaughtUp();
        assertThat(alerts(FLOORS, "", lead)).hasSize(2);
    }

    private List<JsonNode> alerts(String agency, String query, String token) throws Exception {
        TestApi.Answer answer = api.get("/api/v1/alerts" + query, token);
        assertThat(answer.status()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        answer.body().get("items").forEach(items::add);
        assertThat(items).allSatisfy(item -> assertThat(item.get("agencyId").asString()).isEqualTo(agency));
        return items;
    }

    private void awaitCaughtUp() {
        TopicProbe.awaitCaughtUp(TestBackends.kafkaBootstrapServers(), GROUP, WAIT, Topics.SESSIONS, Topics.FEEDBACK);
    }
}
