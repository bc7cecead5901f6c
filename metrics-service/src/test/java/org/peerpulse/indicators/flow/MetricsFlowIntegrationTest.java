package org.peerpulse.indicators.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.peerpulse.contracts.Activity;
import org.peerpulse.contracts.Channel;
import org.peerpulse.contracts.EventIds;
import org.peerpulse.contracts.EventTypes;
import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.contracts.FeedbackWithdrawn;
import org.peerpulse.contracts.FocusArea;
import org.peerpulse.contracts.FrameworkItem;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.ItemKind;
import org.peerpulse.contracts.GoldenSamples;
import org.peerpulse.contracts.InvitationsReissued;
import org.peerpulse.contracts.PeerPulseEvent;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.SessionVoided;
import org.peerpulse.contracts.Topics;
import org.peerpulse.indicators.agencies.domain.Agencies;
import org.peerpulse.indicators.alerts.config.AlertMeters;
import org.peerpulse.indicators.alerts.domain.Alert;
import org.peerpulse.platform.messaging.CloudEvents;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.platform.messaging.EventRecords;
import org.peerpulse.testsupport.ActuatorExposure;
import org.peerpulse.testsupport.PeerPulseIntegrationTest;
import org.peerpulse.testsupport.PrometheusScrape;
import org.peerpulse.testsupport.TestBackends;
import org.peerpulse.testsupport.TestIssuer;
import org.peerpulse.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole path on the real broker and the embedded store: session and feedback records (the golden
 * samples and more written by the platform's codec) go through the batch listeners into the rollups,
 * and the dashboards answer the numbers worked out by hand below, to the caller's agency only.
 *
 * <pre>
 * harbor, 2026-11-20..22 (ISO week 47), six sessions, S1 a group of two (two invitations), the others one each:
 *   S1 golden  warmline        sp-rivera 45 min PEER_SUPPORT        RECOVERY_GOALS  strengths  (and its golden
 *              reissue of one link, which counts nothing)
 *   S2         warmline        sp-rivera 30 min PEER_SUPPORT        WELLNESS
 *   S3         warmline        sp-chen   60 min NON_PEER_TASK       HOUSING         strengths
 *   S4         peer-navigation sp-chen   25 min ADVOCACY
 *   S5         peer-navigation sp-okafor 40 min PEER_SUPPORT        RECOVERY_GOALS  strengths
 *   S6         warmline        sp-rivera 20 min GROUP_FACILITATION
 *   minutes 220, peer 160 -> 0.727; strengths 3/6 = 0.5; recovery focus 3/6 = 0.5
 * five feedbacks (F1 golden for S1, F2..F5 for S2..S5):
 *   KINDNESS        5 4 5 3 5  mean 4.4 top box 0.8
 *   EMPATHY         4 5 3 4 5  mean 4.2 top box 0.8
 *   SAFE_ATMOSPHERE 5 4 5 4 5  mean 4.6 top box 1.0
 *   NO_STIGMA       3 4 5 4 2  mean 3.6 top box 0.6
 *   COURAGE         4 (F5 only): suppressed
 *   HOPE            4 5 3 4 5  mean 4.2 top box 0.8;  one harm report (F3)
 *   response rate 5/7 = 0.714; values ((4.4 + 4.2)/2 - 1)/4*100 = 82.5; TRUST ((4.6 + 3.6)/2 - 1)/4*100 = 77.5
 * </pre>
 */
@PeerPulseIntegrationTest
class MetricsFlowIntegrationTest {

    private static final String GROUP = "metrics-it-" + UUID.randomUUID();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String WEEK_47 = "?from=2026-11-16&to=2026-11-22&granularity=week";
    private static final String DAYS_OF_WEEK_47 = "?from=2026-11-16&to=2026-11-22&granularity=day";

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.consumer.group-id", () -> GROUP);
    }

    /**
     * An agency with a Part 2 program, and one that chose the smallest cell size; unique per run. Their settings
     * are published on the agencies topic while the service runs, as session-service publishes them.
     */
    private static final String FUNDED = "funded" + UUID.randomUUID().toString().substring(0, 8);
    private static final String TINY = "tiny" + UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventCodec codec;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    AlertMeters alertMeters;
    @Autowired
    Agencies agencies;
    @Autowired
    WebServerApplicationContext server;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void eventsBecomeTheHandWorkedDashboardAndARedeliveryChangesNothing() throws Exception {
        publishHarborWeek();
        String lead = TestIssuer.shared().token("harbor", "quality_lead");

        JsonNode agency = await().atMost(WAIT).until(() -> get("/api/v1/dashboards/agency" + WEEK_47, lead).body(),
                body -> body.get("sessions").asLong() == 6 && body.get("responses").asLong() == 5);

        assertThat(agency).isEqualTo(JSON.readTree("""
                { "agencyId": "harbor", "scope": { "type": "agency", "id": "harbor" },
                  "from": "2026-11-16", "to": "2026-11-22",
                  "sessions": 6, "invitations": 7, "responses": 5, "responsesSuppressed": false, "responseRate": 0.714,
                  "peerRoleShare": 0.727, "strengthsAcknowledgedRate": 0.5, "recoveryFocusRate": 0.5,
                  "valuesIndex": 82.5, "trustIndex": 77.5,
                  "hope": { "responses": 5, "mean": 4.2, "topBoxRate": 0.8, "distribution": [0, 0, 1, 2, 2],
                            "suppressed": false },
                  "items": [
                    %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s ],
                  "harmReports": 1, "signatureStrengths": [ "SAFE_ATMOSPHERE", "KINDNESS", "EMPATHY" ],
                  "series": [ { "period": "2026-W47", "sessions": 6, "responses": 5, "responsesSuppressed": false,
                                "valuesIndex": 82.5, "trustIndex": 77.5, "hopeMean": 4.2,
                                "valuesIndexChange": null, "trustIndexChange": null, "hopeMeanChange": null } ],
                  "byMode": %s }
                """.formatted(
                hidden("GIVING_BACK", "VALUE"), hidden("COURAGE", "VALUE"),
                shown("KINDNESS", "VALUE", 4.4, 0.8, "0, 0, 1, 1, 3"), hidden("CAUTION", "VALUE"),
                hidden("HELPFULNESS", "VALUE"), hidden("CREATIVITY", "VALUE"), hidden("GENTLENESS", "VALUE"),
                shown("EMPATHY", "VALUE", 4.2, 0.8, "0, 0, 1, 2, 2"),
                shown("SAFE_ATMOSPHERE", "PRINCIPLE", 4.6, 1.0, "0, 0, 0, 2, 3"), hidden("RECOVERY_FOCUS", "PRINCIPLE"),
                hidden("GENUINE_ROLE", "PRINCIPLE"), shown("NO_STIGMA", "PRINCIPLE", 3.6, 0.6, "0, 1, 1, 2, 1"),
                hidden("STRENGTH_BASED", "PRINCIPLE"), noModeShown())));

        JsonNode warmline = get("/api/v1/dashboards/programs/warmline" + WEEK_47, lead).body();
        assertThat(warmline.get("scope")).isEqualTo(JSON.readTree("{\"type\": \"program\", \"id\": \"warmline\"}"));
        assertThat(warmline.get("sessions").asLong()).isEqualTo(4);
        // Three answers: below k = 5, so even the count is hidden (it would be each item's count).
        assertThat(warmline.get("responses").isNull()).isTrue();
        assertThat(warmline.get("responsesSuppressed").asBoolean()).isTrue();
        assertThat(warmline.get("harmReports").asLong()).isEqualTo(1);
        assertThat(warmline.get("valuesIndex").isNull()).isTrue();
        assertThat(warmline.get("hope")).isEqualTo(JSON.readTree(
                "{\"responses\": null, \"mean\": null, \"topBoxRate\": null, \"distribution\": null, \"suppressed\": true}"));

        JsonNode chen = get("/api/v1/dashboards/specialists/sp-chen" + DAYS_OF_WEEK_47, lead).body();
        assertThat(chen.get("sessions").asLong()).isEqualTo(2);
        assertThat(chen.get("peerRoleShare").asDouble()).isEqualTo(0.294);
        assertThat(chen.get("series").size()).isEqualTo(7);

        // Read everything again from offset 0 as after a crash before the commit: nothing may change.
        redeliverFromTheBeginning();
        assertThat(get("/api/v1/dashboards/agency" + WEEK_47, lead).body()).isEqualTo(agency);
    }

    @Test
    void anotherAgencySeesNoneOfIt() throws Exception {
        publishHarborWeek();
        String harborLead = TestIssuer.shared().token("harbor", "quality_lead");
        await().atMost(WAIT).until(() -> get("/api/v1/dashboards/agency" + WEEK_47, harborLead).body(),
                body -> body.get("sessions").asLong() >= 6);
        String sunriseLead = TestIssuer.shared().token("sunrise", "quality_lead");

        Answer own = get("/api/v1/dashboards/agency" + WEEK_47, sunriseLead);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body().get("agencyId").asString()).isEqualTo("sunrise");
        assertThat(own.body().get("sessions").asLong()).isZero();
        assertThat(own.body().get("responses").isNull()).isTrue();
        assertThat(own.body().get("responsesSuppressed").asBoolean()).isTrue();
        assertThat(own.body().get("harmReports").asLong()).isZero();
        for (String path : List.of("/programs/warmline", "/specialists/sp-rivera")) {
            Answer answer = get("/api/v1/dashboards" + path + WEEK_47, sunriseLead);
            assertProblem(answer, 404);
            assertThat(answer.body().toString()).doesNotContain("harbor");
        }
    }

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicAndTheNextGoodOneStillCounts() throws Exception {
        awaitCaughtUp();
        PrometheusScrape before = PrometheusScrape.of(port);
        String agency = "poison-" + UUID.randomUUID();
        send(new ProducerRecord<>(Topics.SESSIONS, null, agency, "{\"eventId\": not json", headers(EventTypes.SESSION_LOGGED)));
        send(new ProducerRecord<>(Topics.SESSIONS, null, agency, "{}", headers("org.example.unknown.v1")));
        send(new ProducerRecord<>(Topics.FEEDBACK, null, agency,
                codec.write(feedback(agency, "S0", "warmline", "sp-rivera", "2026-11-20T09:00:00Z", Map.of("KINDNESS", 9), 4, false)),
                headers(EventTypes.FEEDBACK_SUBMITTED)));
        publish(Topics.SESSIONS, session(agency, "warmline", "sp-rivera", "2026-11-20T09:00:00Z", 30,
                Activity.PEER_SUPPORT, List.of(), List.of()));
        // Fresh links are a good record that counts nothing: read past, never a dead letter.
        publish(Topics.SESSIONS, reissued(agency, "S0", "warmline", "sp-rivera", "2026-11-20T09:00:00Z", 1));

        String lead = TestIssuer.shared().token(agency, "quality_lead");
        await().atMost(WAIT).until(() -> get("/api/v1/dashboards/agency" + WEEK_47, lead).body(),
                body -> body.get("sessions").asLong() == 1);
        assertThat(get("/api/v1/dashboards/agency" + WEEK_47, lead).body().get("responsesSuppressed").asBoolean()).isTrue();

        List<ConsumerRecord<String, String>> sessionsDead = awaitRecords(Topics.deadLetter(Topics.SESSIONS), agency, 2);
        List<ConsumerRecord<String, String>> feedbackDead = awaitRecords(Topics.deadLetter(Topics.FEEDBACK), agency, 1);
        assertThat(sessionsDead).extracting(ConsumerRecord::value).containsExactly("{\"eventId\": not json", "{}");
        assertThat(feedbackDead).hasSize(1);
        // Parser messages and stack traces quote the payload: a dead letter says which exception, nothing more.
        assertThat(concat(sessionsDead, feedbackDead)).allSatisfy(dead -> {
            assertThat(dead.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_FQCN)).isNotNull();
            assertThat(dead.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE)).isNull();
            assertThat(dead.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_STACKTRACE)).isNull();
            assertThat(dead.headers()).allSatisfy(header -> assertThat(new String(header.value(),
                    StandardCharsets.UTF_8)).doesNotContain("not json").doesNotContain("KINDNESS"));
        });
        // Counted by the source topic, once the broker took each dead letter.
        awaitCaughtUp();
        PrometheusScrape after = PrometheusScrape.of(port);
        assertThat(moved(before, after, "peerpulse_deadletters_total", "topic", Topics.SESSIONS)).isEqualTo(2);
        assertThat(moved(before, after, "peerpulse_deadletters_total", "topic", Topics.FEEDBACK)).isEqualTo(1);
        assertThat(moved(before, after, "peerpulse_indicators_events_total", "outcome", "dead_lettered")).isEqualTo(3);
        assertThat(moved(before, after, "peerpulse_indicators_events_total", "outcome", "counted")).isEqualTo(1);
        assertThat(moved(before, after, "peerpulse_indicators_events_total", "outcome", "ignored")).isEqualTo(1);
    }

    /**
     * <pre>
     * one group session, 2026-11-20, six attendees: six links, so six invitations; two links reissued (fresh
     * links replace old ones: still six); five answers -> response rate 5/6 = 0.833.
     * Then the session is voided (it carries its six invitations) and its five answers withdrawn: nothing left.
     * </pre>
     */
    @Test
    void aGroupSessionInvitesEveryAttendeeFreshLinksCountNothingAndItsVoidTakesThemAllBack() throws Exception {
        String agency = "group-" + UUID.randomUUID();
        String lead = TestIssuer.shared().token(agency, "quality_lead");
        SessionLogged group = groupSession(agency, "warmline", "sp-rivera", "2026-11-20T15:00:00Z", 6);
        assertThat(group.contribution().invitations()).isEqualTo(6);
        publish(Topics.SESSIONS, group);
        publish(Topics.SESSIONS, reissued(agency, group.sessionId(), "warmline", "sp-rivera", "2026-11-20T15:00:00Z", 2));
        List<FeedbackSubmitted> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(feedback(group, Map.of("KINDNESS", 4), 4, false));
        }
        for (FeedbackSubmitted answer : answers) {
            publish(Topics.FEEDBACK, answer);
        }
        awaitCaughtUp();

        JsonNode counted = get("/api/v1/dashboards/agency" + WEEK_47, lead).body();
        assertThat(counted.get("sessions").asLong()).isEqualTo(1);
        assertThat(counted.get("invitations").asLong()).isEqualTo(6);
        assertThat(counted.get("responses").asLong()).isEqualTo(5);
        assertThat(counted.get("responseRate").asDouble()).isEqualTo(0.833);

        publish(Topics.SESSIONS, new SessionVoided(EventIds.newId(), Instant.now(), agency, group.sessionId(),
                "warmline", "sp-rivera", group.sessionAt(), group.contribution()));
        for (FeedbackSubmitted answer : answers) {
            publish(Topics.FEEDBACK, FeedbackWithdrawn.of(answer, FeedbackWithdrawn.SESSION_VOIDED, EventIds.newId(),
                    Instant.now()));
        }
        awaitCaughtUp();

        JsonNode voided = get("/api/v1/dashboards/agency" + WEEK_47, lead).body();
        assertThat(voided.get("sessions").asLong()).isZero();
        assertThat(voided.get("invitations").asLong()).isZero();
        assertThat(voided.get("responsesSuppressed").asBoolean()).isTrue();
    }

    private static List<ConsumerRecord<String, String>> concat(List<ConsumerRecord<String, String>> first,
            List<ConsumerRecord<String, String>> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    /**
     * <pre>
     * S1 2026-11-20 30 min peer, with feedback F1 (harm reported) — then S1 is voided
     * S2 2026-11-21 15 min peer, with feedback F2 (harm reported) — both records produced twice (same event
     *    id, new offsets)
     * S3 2026-11-22 60 min non-peer, with feedback F3 (harm reported)
     * left: sessions 2, invitations 2, responses 2 (below k: hidden), peer share 15/75 = 0.2, harm 2
     * (counting the copies would give 3 sessions and harm 3; missing the void, peer share 45/105 and harm 3)
     * </pre>
     */
    @Test
    void aVoidTakesOutTheSessionAndItsFeedbackAndACopyOfAnEventCountsOnce() throws Exception {
        String agency = "voided-" + UUID.randomUUID();
        SessionLogged s1 = session(agency, "warmline", "sp-rivera", "2026-11-20T09:00:00Z", 30,
                Activity.PEER_SUPPORT, List.of(), List.of());
        SessionLogged s2 = session(agency, "warmline", "sp-rivera", "2026-11-21T09:00:00Z", 15,
                Activity.PEER_SUPPORT, List.of(), List.of());
        SessionLogged s3 = session(agency, "warmline", "sp-chen", "2026-11-22T09:00:00Z", 60,
                Activity.NON_PEER_TASK, List.of(), List.of());
        FeedbackSubmitted f1 = feedback(s1, Map.of("KINDNESS", 5), 4, true);
        FeedbackSubmitted f2 = feedback(s2, Map.of("KINDNESS", 3), 2, true);
        FeedbackSubmitted f3 = feedback(s3, Map.of("KINDNESS", 4), 5, true);

        publish(Topics.FEEDBACK, f1);
        publish(Topics.SESSIONS, s1);
        publish(Topics.SESSIONS, s2);
        publish(Topics.FEEDBACK, f2);
        // An outbox relay that crashed after sending and before marking sends the same events again.
        publish(Topics.SESSIONS, s2);
        publish(Topics.FEEDBACK, f2);
        publish(Topics.SESSIONS, new SessionVoided(EventIds.newId(), Instant.now(), agency, s1.sessionId(),
                "warmline", "sp-rivera", s1.sessionAt(), s1.contribution()));
        // feedback-service withdraws the voided session's counted answer, after it on the same partition.
        publish(Topics.FEEDBACK, FeedbackWithdrawn.of(f1, FeedbackWithdrawn.SESSION_VOIDED, EventIds.newId(),
                Instant.now()));
        publish(Topics.SESSIONS, s3);
        publish(Topics.FEEDBACK, f3);
        awaitCaughtUp();

        String lead = TestIssuer.shared().token(agency, "quality_lead");
        JsonNode dashboard = get("/api/v1/dashboards/agency" + WEEK_47, lead).body();
        assertThat(dashboard.get("sessions").asLong()).isEqualTo(2);
        assertThat(dashboard.get("invitations").asLong()).isEqualTo(2);
        assertThat(dashboard.get("responsesSuppressed").asBoolean()).isTrue();
        assertThat(dashboard.get("responseRate").isNull()).isTrue();
        assertThat(dashboard.get("peerRoleShare").asDouble()).isEqualTo(0.2);
        assertThat(dashboard.get("harmReports").asLong()).isEqualTo(2);
        JsonNode days = get("/api/v1/dashboards/agency" + DAYS_OF_WEEK_47, lead).body().get("series");
        assertThat(days.get(4)).isEqualTo(JSON.readTree("""
                { "period": "2026-11-20", "sessions": 0, "responses": null, "responsesSuppressed": true,
                  "valuesIndex": null, "trustIndex": null, "hopeMean": null,
                  "valuesIndexChange": null, "trustIndexChange": null, "hopeMeanChange": null }"""));
        assertThat(days.get(5).get("sessions").asLong()).isEqualTo(1);
    }

    /**
     * The domain meters as Prometheus scrapes them move by exactly what happened: two sessions and two
     * feedbacks counted (a copy of one at a new offset is neither counted, timed nor a second harm report), one
     * harm report waiting until a lead acknowledges it, and the hidden cells of the dashboard served. After
     * it all, no series in the scrape quotes an id the test used.
     */
    @Test
    void theMetersMoveByExactlyWhatWasCountedAndNoTagCarriesAnId() throws Exception {
        awaitCaughtUp();
        alertMeters.refresh();
        PrometheusScrape before = PrometheusScrape.of(port);
        String agency = "meters-" + UUID.randomUUID();
        SessionLogged s1 = session(agency, "warmline", "sp-rivera", "2026-11-20T09:00:00Z", 30,
                Activity.PEER_SUPPORT, List.of(), List.of());
        SessionLogged s2 = session(agency, "warmline", "sp-rivera", "2026-11-21T09:00:00Z", 45,
                Activity.PEER_SUPPORT, List.of(), List.of());
        FeedbackSubmitted harmed = feedback(s1, Map.of("KINDNESS", 5), 4, true);
        FeedbackSubmitted fine = feedback(s2, Map.of("KINDNESS", 3), 2, false);
        publish(Topics.SESSIONS, s1);
        publish(Topics.SESSIONS, s2);
        publish(Topics.FEEDBACK, harmed);
        publish(Topics.FEEDBACK, fine);
        publish(Topics.FEEDBACK, harmed);
        awaitCaughtUp();
        alertMeters.refresh();
        PrometheusScrape ingested = PrometheusScrape.of(port);

        assertThat(moved(before, ingested, "peerpulse_harm_reports_total")).isEqualTo(1);
        assertThat(moved(before, ingested, "peerpulse_harm_unacknowledged")).isEqualTo(1);
        assertThat(ingested.value("peerpulse_harm_unacknowledged_oldest_seconds")).isPositive();
        for (String topic : List.of(Topics.SESSIONS, Topics.FEEDBACK)) {
            assertThat(moved(before, ingested, "peerpulse_indicators_freshness_seconds_count", "topic", topic))
                    .isEqualTo(2);
            assertThat(moved(before, ingested, "peerpulse_indicators_batch_events_sum", "topic", topic)).isEqualTo(2);
            assertThat(ingested.value("peerpulse_indicators_freshness_seconds_bucket", "topic", topic, "le", "+Inf"))
                    .isEqualTo(ingested.value("peerpulse_indicators_freshness_seconds_count", "topic", topic));
        }

        String lead = TestIssuer.shared().token(agency, "quality_lead");
        JsonNode dashboard = get("/api/v1/dashboards/agency" + WEEK_47, lead).body();
        long hidden = (dashboard.get("responsesSuppressed").asBoolean() ? 1 : 0)
                + (dashboard.get("hope").get("suppressed").asBoolean() ? 1 : 0);
        for (JsonNode item : dashboard.get("items")) {
            hidden += item.get("suppressed").asBoolean() ? 1 : 0;
        }
        for (JsonNode point : dashboard.get("series")) {
            hidden += point.get("responsesSuppressed").asBoolean() ? 1 : 0;
        }
        assertThat(hidden).isPositive();
        String alertId = FeedbackSubmitted.harmAlertId(harmed.eventId()).toString();
        HttpResponse<String> acknowledged = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/alerts/" + alertId + "/acknowledge"))
                .header("Authorization", "Bearer " + lead).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(acknowledged.statusCode()).isEqualTo(200);
        alertMeters.refresh();
        PrometheusScrape after = PrometheusScrape.of(port);

        assertThat(moved(ingested, after, "peerpulse_dashboard_cells_suppressed_total", "view", "agency"))
                .isEqualTo(hidden);
        assertThat(moved(ingested, after, "peerpulse_harm_acknowledgement_seconds_count")).isEqualTo(1);
        assertThat(after.has("peerpulse_harm_acknowledgement_seconds_bucket")).isTrue();
        assertThat(moved(before, after, "peerpulse_harm_unacknowledged")).isZero();
        assertThat(after.labelValues("peerpulse_dashboard_cells_suppressed_total", "view"))
                .containsExactlyInAnyOrder("agency", "program", "specialist", "export", "learning", "page");
        assertThat(after.labelValues("http_server_requests_seconds_count", "uri"))
                .contains("/api/v1/dashboards/agency", "/api/v1/alerts/{id}/acknowledge");
        assertThat(after.has("kafka_consumer_fetch_manager_records_lag_max")).isTrue();
        assertThat(after.labelValues("mongodb_driver_commands_seconds_count", "collection")).contains("alerts");
        List<String> used = new ArrayList<>(List.of(agency, alertId, "warmline", "sp-rivera"));
        for (PeerPulseEvent event : List.of(s1, s2, harmed, fine)) {
            used.add(event.eventId().toString());
        }
        used.add(s1.sessionId());
        used.add(s2.sessionId());
        after.assertNoTagCarries(used);
    }

    private static double moved(PrometheusScrape from, PrometheusScrape to, String name, String... labels) {
        return to.value(name, labels) - from.value(name, labels);
    }

    @Test
    void onlyQualityLeadsOfAnAgencyWithAValidRequestGetAnAnswer() throws Exception {
        String path = "/api/v1/dashboards/agency" + WEEK_47;

        assertProblem(get(path, null), 401);
        assertProblem(get(path, TestIssuer.shared().token("harbor", "specialist")), 403);
        assertProblem(get("/api/v1/dashboards/specialists/sp-rivera", TestIssuer.shared().token("harbor", "specialist")), 403);
        assertProblem(get(path, TestIssuer.shared().token(Map.of("roles", List.of("ops")), Duration.ofMinutes(10))), 403);

        String lead = TestIssuer.shared().token("harbor", "quality_lead");
        assertProblem(get("/api/v1/dashboards/agency?from=2026-11-22&to=2026-11-16", lead), 400);
        assertProblem(get("/api/v1/dashboards/agency?from=2025-01-01&to=2026-01-02", lead), 400);
        assertProblem(get("/api/v1/dashboards/agency?granularity=year", lead), 400);
        assertProblem(get("/api/v1/dashboards/agency?from=yesterday", lead), 400);
        assertProblem(get("/api/v1/dashboards/programs/%7B%24ne%7D", lead), 400);

        JsonNode defaults = get("/api/v1/dashboards/agency", lead).body();
        assertThat(defaults.get("series").size()).isEqualTo(30);
        assertThat(defaults.get("to").asString()).isEqualTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.peerpulse.testsupport.ActuatorExposure#expectations")
    void theActuatorShowsOnlyHealthInfoAndTheScrape(ActuatorExposure.Call call) {
        assertThat(call.statusFrom(port)).isEqualTo(call.status());
    }

    /**
     * Behind a TLS-terminating proxy on the internal network (here 127.0.0.1, which Tomcat trusts as one)
     * that says the browser came over https, the session cookie is Secure and the browser is told to stay on
     * https; a request that came over plain http gets neither.
     */
    @Test
    void behindATlsProxyThePagesCookieIsSecureAndHstsIsSent() throws Exception {
        HttpResponse<String> viaProxy = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(viaProxy.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("PEERPULSE_DASHBOARD="))
                .singleElement().satisfies(cookie -> assertThat(cookie).containsIgnoringCase("; Secure")
                        .containsIgnoringCase("; HttpOnly").containsIgnoringCase("; SameSite=Lax"));
        assertThat(viaProxy.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(viaProxy.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).startsWith("https://"));

        HttpResponse<String> plain = page("GET", "/", null, null);
        assertThat(plain.headers().allValues("Set-Cookie")).noneMatch(c -> c.toLowerCase().contains("; secure"));
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    /**
     * The quality leads' page over real HTTP. The first visit, before any sign-in, already gets the page's
     * headers and its session cookie (the request to come back to lives in it). A signed-in lead's forms
     * carry a CSRF token, and the same post without it is refused before it reaches a controller.
     */
    @Test
    void theDashboardPageSendsStrictHeadersAndAGuardedCookieAndRefusesAFormWithoutItsCsrfToken() throws Exception {
        HttpResponse<String> firstVisit = page("GET", "/", null, null);

        assertThat(firstVisit.statusCode()).isEqualTo(302);
        assertThat(firstVisit.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/oauth2/authorization/peerpulse"));
        assertPageHeaders(firstVisit);
        List<String> sessionCookies = firstVisit.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("PEERPULSE_DASHBOARD=")).toList();
        // Secure is Tomcat's to add on an https request; this one is plain http on 127.0.0.1.
        assertThat(sessionCookies).singleElement().satisfies(cookie -> assertThat(cookie)
                .containsIgnoringCase("; HttpOnly").containsIgnoringCase("; SameSite=Lax").contains("; Path=/"));

        String lead = signedInLead("harbor-" + UUID.randomUUID());
        HttpResponse<String> inbox = page("GET", "/alerts", lead, null);
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertPageHeaders(inbox);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(inbox.body());
        assertThat(csrf.find()).as("the sign-out form carries a CSRF token").isTrue();

        String unknownAlert = "/alerts/" + UUID.randomUUID() + "/acknowledge";
        assertThat(page("POST", unknownAlert, lead, "").statusCode()).isEqualTo(403);
        assertThat(page("POST", "/logout", lead, "").statusCode()).isEqualTo(403);
        // With the page's token the same post reaches the controller, which knows no such alert.
        assertThat(page("POST", unknownAlert, lead, "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)).statusCode()).isEqualTo(404);
    }

    /**
     * <pre>
     * FUNDED, 2026-11-20, one specialist per program, every answer the same within a program:
     *   warmline    sp-a 12 answers  KINDNESS 5, hope 5
     *   navigation  sp-b 11 answers  KINDNESS 4, hope 4
     *   outreach    sp-c  3 answers  KINDNESS 4, hope 4
     *   detox       sp-d  5 answers  KINDNESS 1, hope 1     (42 CFR Part 2)
     * Dashboards (k = 5, Part 2 included): outreach (3) hidden; agency 31 - warmline 12 - navigation 11 - detox 5
     *   would be outreach, so detox (5, the fewest shown) is hidden too: the attacker gets 8 answers, not 3.
     * Export (k = 11, detox left out): agency 26 answers, KINDNESS 116/26 = 4.46, values (116/26 - 1) * 25 = 86.5;
     *   outreach (3) hidden, and navigation (11, the fewest shown) with it; warmline 12 shown, mean 5.0.
     * </pre>
     */
    @Test
    void hiddenProgramsCannotBeSubtractedOutAndFundersGetACsvWithoutPart2() throws Exception {
        publishFunded();
        String lead = TestIssuer.shared().token(FUNDED, "quality_lead");

        // The attacker: the agency total minus every program that is shown.
        JsonNode agency = get("/api/v1/dashboards/agency" + WEEK_47, lead).body();
        long sum = Math.round(kindness(agency).get("mean").asDouble() * kindness(agency).get("responses").asLong());
        long answers = kindness(agency).get("responses").asLong();
        List<String> hiddenPrograms = new java.util.ArrayList<>();
        for (String program : List.of("detox", "navigation", "outreach", "warmline")) {
            JsonNode item = kindness(get("/api/v1/dashboards/programs/" + program + WEEK_47, lead).body());
            if (item.get("suppressed").asBoolean()) {
                hiddenPrograms.add(program);
            } else {
                sum -= Math.round(item.get("mean").asDouble() * item.get("responses").asLong());
                answers -= item.get("responses").asLong();
            }
        }
        assertThat(hiddenPrograms).containsExactly("detox", "outreach");
        // 3 x 4 + 5 x 1 = 17 over 8 answers: outreach's own 12 over 3 is not recoverable.
        assertThat(answers).isEqualTo(8);
        assertThat(sum).isEqualTo(17);

        Text csv = getText("/api/v1/exports/indicators.csv?from=2026-11-16&to=2026-11-22", lead);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.disposition()).startsWith("attachment").contains("indicators-2026-11-16-2026-11-22.csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("scope,id,from,to,sessions,responses,responseRate,peerRoleShare,"
                + "valuesIndex,trustIndex,hopeMean,hopeTopBoxRate,GIVING_BACK_mean,COURAGE_mean,KINDNESS_mean,"
                + "CAUTION_mean,HELPFULNESS_mean,CREATIVITY_mean,GENTLENESS_mean,EMPATHY_mean,SAFE_ATMOSPHERE_mean,"
                + "RECOVERY_FOCUS_mean,GENUINE_ROLE_mean,NO_STIGMA_mean,STRENGTH_BASED_mean");
        String hidden = "fewer than 11";
        assertThat(lines).hasSize(5).noneMatch(line -> line.contains("detox"));
        assertThat(lines.get(1)).isEqualTo(String.join(",", "agency", FUNDED, "2026-11-16", "2026-11-22", "26", "26",
                "1.0", "1.0", "86.5", hidden, "4.46", "1.0", hidden, hidden, "4.46", hidden, hidden, hidden, hidden,
                hidden, hidden, hidden, hidden, hidden, hidden));
        assertThat(lines.get(2)).startsWith("program,navigation,2026-11-16,2026-11-22,11," + hidden + "," + hidden
                + ",1.0," + hidden + "," + hidden + "," + hidden + "," + hidden);
        assertThat(lines.get(3)).startsWith("program,outreach,2026-11-16,2026-11-22,3," + hidden);
        assertThat(lines.get(4)).startsWith("program,warmline,2026-11-16,2026-11-22,12,12,1.0,1.0,100.0,"
                + hidden + ",5.0,1.0");
    }

    @Test
    void onlyQualityLeadsExportAndBadParametersAreProblems() throws Exception {
        String path = "/api/v1/exports/indicators.csv?from=2026-11-16&to=2026-11-22";
        assertProblem(get(path, null), 401);
        assertProblem(get(path, TestIssuer.shared().token("harbor", "specialist")), 403);
        String lead = TestIssuer.shared().token("harbor", "quality_lead");
        assertProblem(get("/api/v1/exports/indicators.csv?from=2026-11-22&to=2026-11-16", lead), 400);
        assertProblem(get("/api/v1/exports/indicators.csv?from=yesterday", lead), 400);
    }

    @Test
    void anAgencyThatChoseKThreeSeesACellOfThreeAndTheDefaultAgencyDoesNot() throws Exception {
        events().settle(TestEvents.settingsChanged(TINY, 1, "UTC", 3, List.of(), null, null), agencies);
        String plain = "plain-" + UUID.randomUUID();
        for (String agency : List.of(TINY, plain)) {
            for (int i = 0; i < 3; i++) {
                SessionLogged session = session(agency, "warmline", "sp-x", "2026-11-20T09:0" + i + ":00Z", 30,
                        Activity.PEER_SUPPORT, List.of(), List.of());
                publish(Topics.SESSIONS, session);
                publish(Topics.FEEDBACK, feedback(session, Map.of("KINDNESS", 4), 4, false));
            }
        }
        awaitCaughtUp();

        JsonNode tiny = get("/api/v1/dashboards/agency" + WEEK_47, TestIssuer.shared().token(TINY, "quality_lead")).body();
        assertThat(tiny.get("responses").asLong()).isEqualTo(3);
        assertThat(kindness(tiny).get("mean").asDouble()).isEqualTo(4.0);
        JsonNode other = get("/api/v1/dashboards/agency" + WEEK_47, TestIssuer.shared().token(plain, "quality_lead")).body();
        assertThat(other.get("responses").isNull()).isTrue();
        assertThat(kindness(other).get("suppressed").asBoolean()).isTrue();
    }

    /**
     * <pre>
     * ROTA (k = 3), 2026-11-20, warmline sp-x, one session per answer:
     * a1..a3 own device, forms asked KINDNESS and EMPATHY: KINDNESS 5, EMPATHY 4, hope 4
     * a4..a6 kiosk, forms asked KINDNESS and COURAGE: KINDNESS 3 (a4, a5 also COURAGE 4), hope 3
     * a7 own device, from before rotation (asked every item): KINDNESS 1, hope 1; its session voided, a7 withdrawn
     * KINDNESS: 6 answers on 6 forms, own device 5 5 5, kiosk 3 3 3; EMPATHY: 3 on 3 forms, no kiosk answer;
     * COURAGE: 2 answers (fewer than 3), asked hidden with it; hope own device 4 4 4, kiosk 3 3 3
     * </pre>
     */
    @Test
    void formsAskedAndTheKioskSplitCountLikeEverythingElseAndARedeliveryChangesNothing() throws Exception {
        String rota = "rota-" + UUID.randomUUID();
        events().settle(TestEvents.settingsChanged(rota, 1, "UTC", 3, List.of(), null, null), agencies);
        for (int i = 0; i < 6; i++) {
            SessionLogged session = session(rota, "warmline", "sp-x", "2026-11-20T09:0" + i + ":00Z", 30,
                    Activity.PEER_SUPPORT, List.of(), List.of());
            publish(Topics.SESSIONS, session);
            publish(Topics.FEEDBACK, i < 3
                    ? TestEvents.answered(session, Map.of("KINDNESS", 5, "EMPATHY", 4), 4, "OWN_DEVICE",
                            List.of("KINDNESS", "EMPATHY"))
                    : TestEvents.answered(session, i < 5 ? Map.of("KINDNESS", 3, "COURAGE", 4) : Map.of("KINDNESS", 3),
                            3, "KIOSK", List.of("KINDNESS", "COURAGE")));
        }
        SessionLogged voided = session(rota, "warmline", "sp-x", "2026-11-20T10:00:00Z", 30, Activity.PEER_SUPPORT,
                List.of(), List.of());
        FeedbackSubmitted beforeRotation = TestEvents.answered(voided, Map.of("KINDNESS", 1), 1, "OWN_DEVICE", List.of());
        publish(Topics.SESSIONS, voided);
        publish(Topics.FEEDBACK, beforeRotation);
        publish(Topics.SESSIONS, TestEvents.voided(voided));
        publish(Topics.FEEDBACK, TestEvents.withdrawn(beforeRotation));
        awaitCaughtUp();
        String lead = TestIssuer.shared().token(rota, "quality_lead");

        JsonNode dashboard = get("/api/v1/dashboards/agency" + WEEK_47, lead).body();
        assertThat(dashboard.get("responses").asLong()).isEqualTo(6);
        assertThat(item(dashboard.get("items"), "KINDNESS").get("asked").asLong()).isEqualTo(6);
        assertThat(item(dashboard.get("items"), "KINDNESS").get("responses").asLong()).isEqualTo(6);
        assertThat(item(dashboard.get("items"), "EMPATHY").get("asked").asLong()).isEqualTo(3);
        assertThat(item(dashboard.get("items"), "COURAGE").get("suppressed").asBoolean()).isTrue();
        assertThat(item(dashboard.get("items"), "COURAGE").get("asked").isNull()).isTrue();
        assertThat(item(dashboard.get("items"), "GIVING_BACK").get("asked").isNull()).isTrue();
        JsonNode ownDevice = dashboard.get("byMode").get("OWN_DEVICE");
        JsonNode kiosk = dashboard.get("byMode").get("KIOSK");
        assertThat(item(ownDevice.get("items"), "KINDNESS")).isEqualTo(JSON.readTree("""
                { "code": "KINDNESS", "group": "VALUE", "responses": 3, "mean": 5.0, "topBoxRate": 1.0,
                  "distribution": [0, 0, 0, 0, 3], "suppressed": false }"""));
        assertThat(item(kiosk.get("items"), "KINDNESS")).isEqualTo(JSON.readTree("""
                { "code": "KINDNESS", "group": "VALUE", "responses": 3, "mean": 3.0, "topBoxRate": 0.0,
                  "distribution": [0, 0, 3, 0, 0], "suppressed": false }"""));
        assertThat(ownDevice.get("hope").get("mean").asDouble()).isEqualTo(4.0);
        assertThat(kiosk.get("hope").get("mean").asDouble()).isEqualTo(3.0);
        // Three own-device EMPATHY answers pass k = 3, but no kiosk one does: both are hidden.
        assertThat(item(ownDevice.get("items"), "EMPATHY").get("suppressed").asBoolean()).isTrue();
        assertThat(item(kiosk.get("items"), "EMPATHY").get("suppressed").asBoolean()).isTrue();
        assertThat(item(ownDevice.get("items"), "EMPATHY").get("responses").isNull()).isTrue();

        redeliverFromTheBeginning();
        assertThat(get("/api/v1/dashboards/agency" + WEEK_47, lead).body()).isEqualTo(dashboard);
    }

    private static JsonNode item(JsonNode items, String code) {
        for (JsonNode item : items) {
            if (item.get("code").asString().equals(code)) {
                return item;
            }
        }
        throw new AssertionError(code + " missing");
    }

    /**
     * <pre>
     * LIVE, 2026-11-20, four answers (KINDNESS 4, hope 4): under the default k = 5 every statistic is hidden.
     * The agency's lead chooses k = 3 while the service runs: the same dashboard call shows them (4 >= 3).
     * The lead then moves the agency to California: a session at 03:30 UTC on Monday the 23rd, counted after
     * that, is Sunday the 22nd there, so in week 47; the four counted before stay on the 20th.
     * </pre>
     */
    @Test
    void anAgencysNewSettingsTakeEffectWithoutARestart() throws Exception {
        String live = "live-" + UUID.randomUUID();
        String lead = TestIssuer.shared().token(live, "quality_lead");
        for (int i = 0; i < 4; i++) {
            SessionLogged session = session(live, "warmline", "sp-x", "2026-11-20T09:0" + i + ":00Z", 30,
                    Activity.PEER_SUPPORT, List.of(), List.of());
            publish(Topics.SESSIONS, session);
            publish(Topics.FEEDBACK, feedback(session, Map.of("KINDNESS", 4), 4, false));
        }
        awaitCaughtUp();
        JsonNode underFive = get("/api/v1/dashboards/agency" + WEEK_47, lead).body();
        assertThat(underFive.get("sessions").asLong()).isEqualTo(4);
        assertThat(underFive.get("responses").isNull()).isTrue();
        assertThat(underFive.get("hope").get("suppressed").asBoolean()).isTrue();
        assertThat(kindness(underFive).get("suppressed").asBoolean()).isTrue();

        publish(Topics.AGENCIES, TestEvents.settingsChanged(live, 1, "UTC", 3, List.of(), null, null));

        JsonNode underThree = await().atMost(WAIT).until(() -> get("/api/v1/dashboards/agency" + WEEK_47, lead).body(),
                body -> !body.get("responses").isNull());
        assertThat(underThree.get("responses").asLong()).isEqualTo(4);
        assertThat(underThree.get("responseRate").asDouble()).isEqualTo(1.0);
        assertThat(underThree.get("hope").get("mean").asDouble()).isEqualTo(4.0);
        assertThat(kindness(underThree).get("mean").asDouble()).isEqualTo(4.0);
        assertThat(kindness(underThree).get("suppressed").asBoolean()).isFalse();

        events().settle(TestEvents.settingsChanged(live, 2, "America/Los_Angeles", 3, List.of(), null, null),
                agencies);
        publish(Topics.SESSIONS, session(live, "warmline", "sp-x", "2026-11-23T03:30:00Z", 30, Activity.PEER_SUPPORT,
                List.of(), List.of()));
        awaitCaughtUp();
        JsonNode days = get("/api/v1/dashboards/agency" + DAYS_OF_WEEK_47, lead).body();
        assertThat(days.get("sessions").asLong()).isEqualTo(5);
        assertThat(days.get("series")).extracting(point -> point.get("period").asString() + " "
                + point.get("sessions").asLong())
                .containsExactly("2026-11-16 0", "2026-11-17 0", "2026-11-18 0", "2026-11-19 0", "2026-11-20 4",
                        "2026-11-21 0", "2026-11-22 1");
    }

    private static boolean fundedPublished;

    private void publishFunded() throws Exception {
        if (fundedPublished) {
            return;
        }
        fundedPublished = true;
        events().settle(TestEvents.settingsChanged(FUNDED, 1, "UTC", 5, List.of("detox"), null, null), agencies);
        Map<String, int[]> programs = new java.util.LinkedHashMap<>();
        programs.put("warmline", new int[] {12, 5});
        programs.put("navigation", new int[] {11, 4});
        programs.put("outreach", new int[] {3, 4});
        programs.put("detox", new int[] {5, 1});
        int minute = 0;
        for (Map.Entry<String, int[]> program : programs.entrySet()) {
            for (int i = 0; i < program.getValue()[0]; i++) {
                SessionLogged session = session(FUNDED, program.getKey(), "sp-" + program.getKey(),
                        Instant.parse("2026-11-20T09:00:00Z").plusSeconds(60L * minute++).toString(), 30,
                        Activity.PEER_SUPPORT, List.of(), List.of());
                publish(Topics.SESSIONS, session);
                publish(Topics.FEEDBACK, feedback(session, Map.of("KINDNESS", program.getValue()[1]),
                        program.getValue()[1], false));
            }
        }
        awaitCaughtUp();
    }

    private static JsonNode kindness(JsonNode dashboard) {
        for (JsonNode item : dashboard.get("items")) {
            if (item.get("code").asString().equals("KINDNESS")) {
                return item;
            }
        }
        throw new AssertionError("no KINDNESS item");
    }

    // --- the week of harbor ------------------------------------------------------------------------------

    /** Once per run: publishing the same events again would put them at new offsets, a different problem. */
    private void publishHarborWeek() throws Exception {
        if (harborWeekPublished) {
            return;
        }
        harborWeekPublished = true;
        // The golden samples exactly as the producers write them.
        send(EventRecords.of(Topics.SESSIONS, "harbor", GoldenSamples.SESSION_LOGGED.eventId().toString(),
                EventTypes.SESSION_LOGGED, GoldenSamples.SESSION_LOGGED.occurredAt(), "/session-service",
                GoldenSamples.json(SessionLogged.class)));
        send(EventRecords.of(Topics.SESSIONS, "harbor", GoldenSamples.INVITATIONS_REISSUED.eventId().toString(),
                EventTypes.INVITATIONS_REISSUED, GoldenSamples.INVITATIONS_REISSUED.occurredAt(), "/session-service",
                GoldenSamples.json(InvitationsReissued.class)));
        send(EventRecords.of(Topics.FEEDBACK, "harbor", GoldenSamples.FEEDBACK_SUBMITTED.eventId().toString(),
                EventTypes.FEEDBACK_SUBMITTED, GoldenSamples.FEEDBACK_SUBMITTED.occurredAt(), "/feedback-service",
                GoldenSamples.json(FeedbackSubmitted.class)));
        SessionLogged s2 = session("harbor", "warmline", "sp-rivera", "2026-11-20T16:00:00Z", 30,
                Activity.PEER_SUPPORT, List.of(FocusArea.WELLNESS), List.of());
        SessionLogged s3 = session("harbor", "warmline", "sp-chen", "2026-11-21T10:00:00Z", 60,
                Activity.NON_PEER_TASK, List.of(FocusArea.HOUSING), List.of("courage"));
        SessionLogged s4 = session("harbor", "peer-navigation", "sp-chen", "2026-11-21T12:00:00Z", 25,
                Activity.ADVOCACY, List.of(), List.of());
        SessionLogged s5 = session("harbor", "peer-navigation", "sp-okafor", "2026-11-22T09:00:00Z", 40,
                Activity.PEER_SUPPORT, List.of(FocusArea.RECOVERY_GOALS), List.of("humor"));
        SessionLogged s6 = session("harbor", "warmline", "sp-rivera", "2026-11-22T18:00:00Z", 20,
                Activity.GROUP_FACILITATION, List.of(), List.of());
        for (SessionLogged session : List.of(s2, s3, s4, s5, s6)) {
            publish(Topics.SESSIONS, session);
        }
        publish(Topics.FEEDBACK, feedback(s2, Map.of("KINDNESS", 4, "EMPATHY", 5, "SAFE_ATMOSPHERE", 4, "NO_STIGMA", 4), 5, false));
        publish(Topics.FEEDBACK, feedback(s3, Map.of("KINDNESS", 5, "EMPATHY", 3, "SAFE_ATMOSPHERE", 5, "NO_STIGMA", 5), 3, true));
        publish(Topics.FEEDBACK, feedback(s4, Map.of("KINDNESS", 3, "EMPATHY", 4, "SAFE_ATMOSPHERE", 4, "NO_STIGMA", 4), 4, false));
        publish(Topics.FEEDBACK, feedback(s5,
                Map.of("KINDNESS", 5, "EMPATHY", 5, "SAFE_ATMOSPHERE", 5, "NO_STIGMA", 2, "COURAGE", 4), 5, false));
    }

    private static boolean harborWeekPublished;

    private static SessionLogged session(String agency, String program, String specialist, String at, int minutes,
            Activity activity, List<FocusArea> focus, List<String> strengths) {
        SessionLogged.InvitationIssued invitation = new SessionLogged.InvitationIssued("hash",
                Instant.parse(at).plus(Duration.ofDays(7)));
        return new SessionLogged(EventIds.newId(), Instant.now(), agency, UUID.randomUUID().toString(), program,
                specialist, Instant.parse(at), minutes, Channel.IN_PERSON, activity, focus, !strengths.isEmpty(),
                List.of(), Frameworks.PEER_CORE_V1.ref(), invitation, List.of(invitation));
    }

    /** A group session: one link per attendee, the first also as {@code invitation} for readers from before. */
    private static SessionLogged groupSession(String agency, String program, String specialist, String at,
            int attendees) {
        List<SessionLogged.InvitationIssued> links = new ArrayList<>();
        for (int i = 0; i < attendees; i++) {
            links.add(new SessionLogged.InvitationIssued("hash-" + i, Instant.parse(at).plus(Duration.ofDays(7))));
        }
        return new SessionLogged(EventIds.newId(), Instant.now(), agency, UUID.randomUUID().toString(), program,
                specialist, Instant.parse(at), 90, Channel.GROUP, Activity.GROUP_FACILITATION, List.of(), false,
                List.of(), Frameworks.PEER_CORE_V1.ref(), links.get(0), links);
    }

    private static InvitationsReissued reissued(String agency, String sessionId, String program, String specialist,
            String sessionAt, int links) {
        List<InvitationsReissued.Replacement> replacements = new ArrayList<>();
        for (int i = 0; i < links; i++) {
            replacements.add(new InvitationsReissued.Replacement("hash-" + i, "fresh-" + i,
                    Instant.parse(sessionAt).plus(Duration.ofDays(7))));
        }
        return new InvitationsReissued(EventIds.newId(), Instant.now(), agency, sessionId, program, specialist,
                Instant.parse(sessionAt), Frameworks.PEER_CORE_V1.ref(), replacements);
    }

    private static FeedbackSubmitted feedback(SessionLogged session, Map<String, Integer> ratings, int hope,
            boolean harm) {
        return feedback(session.agencyId(), session.sessionId(), session.programId(), session.specialistId(),
                session.sessionAt().toString(), ratings, hope, harm);
    }

    private static FeedbackSubmitted feedback(String agency, String sessionId, String program, String specialist,
            String sessionAt, Map<String, Integer> ratings, int hope, boolean harm) {
        return new FeedbackSubmitted(EventIds.newId(), Instant.now(), agency, sessionId, program, specialist,
                Instant.parse(sessionAt), Frameworks.PEER_CORE_V1.ref(), ratings, hope, harm, "en", "OWN_DEVICE",
                List.of(), List.of());
    }

    private static String shown(String code, String group, double mean, double topBox, String distribution) {
        return """
                { "code": "%s", "group": "%s", "responses": 5, "asked": 5, "mean": %s, "topBoxRate": %s,
                  "distribution": [%s], "suppressed": false }"""
                .formatted(code, group, mean, topBox, distribution);
    }

    private static String hidden(String code, String group) {
        return """
                { "code": "%s", "group": "%s", "responses": null, "asked": null, "mean": null, "topBoxRate": null,
                  "distribution": null, "suppressed": true }"""
                .formatted(code, group);
    }

    /**
     * Every answer of the week was given on the participant's own device: no kiosk answers at all, fewer than k,
     * so both modes of every item are hidden (own device's five would be the total's five).
     */
    private static String noModeShown() {
        StringBuilder items = new StringBuilder();
        for (FrameworkItem item : Frameworks.PEER_CORE_V1.items()) {
            if (item.kind() == ItemKind.VALUE || item.kind() == ItemKind.PRINCIPLE) {
                items.append(items.isEmpty() ? "" : ", ").append("""
                        { "code": "%s", "group": "%s", "responses": null, "mean": null, "topBoxRate": null,
                          "distribution": null, "suppressed": true }""".formatted(item.code(), item.kind()));
            }
        }
        String mode = """
                { "hope": { "responses": null, "mean": null, "topBoxRate": null, "distribution": null, "suppressed": true },
                  "items": [ %s ] }""".formatted(items);
        return "{ \"OWN_DEVICE\": %s, \"KIOSK\": %s }".formatted(mode, mode);
    }

    // --- the broker ---------------------------------------------------------------------------------------

    private TestEvents events() {
        return new TestEvents(kafka, codec);
    }

    private void publish(String topic, PeerPulseEvent event) throws Exception {
        send(EventRecords.of(topic, event.agencyId(), event.eventId().toString(), EventTypes.typeOf(event),
                event.occurredAt(), "/test", codec.write(event)));
    }

    private void send(ProducerRecord<String, String> record) throws Exception {
        kafka.send(record).get();
    }

    private static RecordHeaders headers(String type) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEvents.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEvents.TYPE, type.getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private static List<ConsumerRecord<String, String>> awaitRecords(String topic, String key, int count) {
        return TopicProbe.awaitRecords(TestBackends.kafkaBootstrapServers(), topic, record -> key.equals(record.key()),
                count, WAIT);
    }

    /** Stops the listeners, moves the group back to offset 0 everywhere, restarts and waits until caught up. */
    private void redeliverFromTheBeginning() throws Exception {
        listeners.getListenerContainers().forEach(container -> container.stop());
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            committed.keySet().forEach(partition -> start.put(partition, new OffsetAndMetadata(0)));
            await().atMost(WAIT).ignoreExceptions().untilAsserted(() ->
                    admin.alterConsumerGroupOffsets(GROUP, start).all().get());
            listeners.getListenerContainers().forEach(container -> container.start());
        }
        awaitCaughtUp();
    }

    private void awaitCaughtUp() {
        TopicProbe.awaitCaughtUp(TestBackends.kafkaBootstrapServers(), GROUP, WAIT, Topics.SESSIONS, Topics.FEEDBACK);
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestBackends.kafkaBootstrapServers()));
    }

    // --- the page -----------------------------------------------------------------------------------------

    private HttpResponse<String> page(String method, String path, String sessionCookie, String form)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (sessionCookie != null) {
            request.header("Cookie", sessionCookie);
        }
        if (form == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(form));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertPageHeaders(HttpResponse<String> page) {
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'none'", "script-src 'self';", "frame-ancestors 'none'", "base-uri 'none'")
                .doesNotContain("'unsafe-inline'", "'unsafe-eval'"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
    }

    /**
     * A session as the OpenID Connect sign-in leaves it for a quality lead of {@code agency}, put straight
     * into the running server's session store: the sign-in itself runs against the real authorization server
     * in local-stack's DashboardPageBrowserTest. Answers the session cookie.
     */
    private String signedInLead(String agency) throws Exception {
        Instant now = Instant.now();
        OidcIdToken idToken = new OidcIdToken("id-token", now, now.plus(Duration.ofMinutes(10)),
                Map.of("sub", "lead-" + agency, "iss", TestIssuer.shared().issuerUri(), "agency", agency,
                        "roles", List.of("quality_lead")));
        DefaultOidcUser user = new DefaultOidcUser(List.of(new SimpleGrantedAuthority("ROLE_quality_lead"),
                new SimpleGrantedAuthority("AGENCY_" + agency)), idToken);
        Context context = (Context) ((TomcatWebServer) server.getWebServer()).getTomcat().getHost().findChildren()[0];
        Session session = context.getManager().createSession(null);
        session.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(new OAuth2AuthenticationToken(user, user.getAuthorities(), "peerpulse")));
        return "PEERPULSE_DASHBOARD=" + session.getId();
    }

    // --- HTTP ---------------------------------------------------------------------------------------------

    private record Answer(int status, String contentType, JsonNode body) {
    }

    private record Text(int status, String contentType, String disposition, String body) {
    }

    private Text getText(String path, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Text(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Content-Disposition").orElse(""), response.body());
    }

    private Answer get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body()));
    }

    private static void assertProblem(Answer answer, int status) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("status").asInt()).isEqualTo(status);
    }
}
