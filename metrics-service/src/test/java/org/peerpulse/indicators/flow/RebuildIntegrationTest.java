package org.peerpulse.indicators.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.peerpulse.indicators.flow.TestApi.token;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.Activity;
import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.contracts.FocusArea;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.Topics;
import org.peerpulse.indicators.MetricsServiceApplication;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.testsupport.TestBackends;
import org.peerpulse.testsupport.TestIssuer;
import org.peerpulse.testsupport.TopicProbe;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import tools.jackson.databind.JsonNode;

/**
 * The rebuild, end to end on the real broker and store: events go through a running metrics-service,
 * its dashboards are read over HTTP, it is stopped, its rollups are damaged and its copy windows lost,
 * and it is started again in rebuild mode on the same broker, group and database. Once it has replayed
 * both topics the dashboards answer the very same JSON, and the harm alert is still the one alert, with
 * the acknowledgement it had.
 *
 * <pre>
 * S1..S6 2026-11-16..18, warmline and peer-navigation; F1..F5 for S1..S5, four items each, F2 reports harm;
 * F1, F3, F5 on the kiosk, F2, F4 on own phones; F1, F2 from before rotation (asked every item), F3..F5 asked
 * five items (the four rated and COURAGE); S7 with F7 (kiosk, asked KINDNESS and GENTLENESS), then S7 voided and
 * F7 withdrawn; S2 and F3 produced twice (same event, new offsets).
 * </pre>
 */
class RebuildIntegrationTest {

    private static final String GROUP = "rebuild-it-" + UUID.randomUUID();
    private static final String DATABASE = "rebuild-it-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String AGENCY = "rebuild-" + UUID.randomUUID();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String WEEK = "?from=2026-11-16&to=2026-11-22";
    private static final List<String> DASHBOARDS = List.of(
            "/api/v1/dashboards/agency" + WEEK + "&granularity=week",
            "/api/v1/dashboards/agency" + WEEK + "&granularity=day",
            "/api/v1/dashboards/programs/warmline" + WEEK,
            "/api/v1/dashboards/programs/peer-navigation" + WEEK,
            "/api/v1/dashboards/specialists/sp-rivera" + WEEK);

    @Test
    void aRebuildReplaysBothTopicsFromTheBeginningAndAnswersTheSameDashboards() throws Exception {
        String lead = token(AGENCY, "quality_lead", "lead-ana");
        Map<String, JsonNode> before = new LinkedHashMap<>();
        Map<String, Long> practicedBefore;
        Map<String, Long> askedAndModesBefore;
        JsonNode alertBefore;
        try (ConfigurableApplicationContext running = start(false)) {
            assertThat(running.getBeansOfType(ConsumerAwareRebalanceListener.class)).isEmpty();
            awaitAssigned(running);
            @SuppressWarnings("unchecked") // Boot's template is KafkaTemplate<String, String> by the platform's serializers
            KafkaTemplate<String, String> kafka = running.getBean(KafkaTemplate.class);
            publishTheWeek(new TestEvents(kafka, running.getBean(EventCodec.class)));
            awaitCaughtUp();
            TestApi api = api(running);
            for (String path : DASHBOARDS) {
                before.put(path, api.get(path, lead).body());
            }
            assertThat(before.get(DASHBOARDS.get(0)).get("sessions").asLong()).isEqualTo(6);
            assertThat(before.get(DASHBOARDS.get(0)).get("responses").asLong()).isEqualTo(5);
            assertThat(before.get(DASHBOARDS.get(0)).get("harmReports").asLong()).isEqualTo(1);
            String alertId = await().atMost(WAIT).until(() -> api.get("/api/v1/alerts", lead).body().get("items"),
                    items -> items.size() == 1).get(0).get("id").asString();
            alertBefore = api.post("/api/v1/alerts/" + alertId + "/acknowledge", lead).body();
            practicedBefore = practiced();
            askedAndModesBefore = askedAndModes();
            assertThat(sum(askedAndModesBefore, " asked KINDNESS")).isEqualTo(5);
            assertThat(sum(askedAndModesBefore, " asked COURAGE")).isEqualTo(5);
            assertThat(sum(askedAndModesBefore, " asked GIVING_BACK")).isEqualTo(2);
            assertThat(sum(askedAndModesBefore, " asked GENTLENESS")).as("F7's is withdrawn").isEqualTo(2);
            assertThat(sum(askedAndModesBefore, " KIOSK items KINDNESS ")).isEqualTo(3);
            assertThat(sum(askedAndModesBefore, " OWN_DEVICE items KINDNESS ")).isEqualTo(2);
            assertThat(sum(askedAndModesBefore, " KIOSK hope ")).isEqualTo(3);
            // KINDNESS in s1 and s2 (s7's is voided), EMPATHY in s2; their answers rated KINDNESS 5 and 4, EMPATHY 5.
            assertThat(practicedBefore.entrySet().stream().filter(entry -> entry.getKey().endsWith(" sessions KINDNESS"))
                    .mapToLong(Map.Entry::getValue).sum()).isEqualTo(2);
            assertThat(practicedBefore.entrySet().stream().filter(entry -> entry.getKey().contains(" rated KINDNESS "))
                    .mapToLong(Map.Entry::getValue).sum()).isEqualTo(2);
            assertThat(practicedBefore.entrySet().stream().filter(entry -> entry.getKey().endsWith(" rated EMPATHY r5"))
                    .mapToLong(Map.Entry::getValue).sum()).isEqualTo(1);
        }

        damageRollupsAndCopyWindows();

        try (ConfigurableApplicationContext rebuilding = start(true)) {
            assertThat(rebuilding.getBeansOfType(ConsumerAwareRebalanceListener.class)).hasSize(1);
            TestApi api = api(rebuilding);
            await().atMost(WAIT).untilAsserted(() -> {
                for (String path : DASHBOARDS) {
                    assertThat(api.get(path, lead).body()).as(path).isEqualTo(before.get(path));
                }
            });
            JsonNode alerts = api.get("/api/v1/alerts", lead).body().get("items");
            assertThat(alerts).hasSize(1);
            assertThat(alerts.get(0)).isEqualTo(alertBefore);
            // The reflection gap's counters, which no dashboard shows, come back the same too.
            assertThat(practiced()).isEqualTo(practicedBefore);
            // So do the forms asked and the answers by collection mode, counter by counter.
            assertThat(askedAndModes()).isEqualTo(askedAndModesBefore);
        }
    }

    /**
     * The agency's values-practiced counters as stored, rollup by rollup, leaving out zeros (a void's −1 on a
     * stored +1 leaves a 0 that a replay folding both in one batch never writes).
     */
    private static Map<String, Long> practiced() {
        Map<String, Long> counters = new TreeMap<>();
        try (MongoClient client = MongoClients.create(TestBackends.mongoUri(DATABASE))) {
            for (Document rollup : client.getDatabase(DATABASE).getCollection("rollups")
                    .find(new Document("agencyId", AGENCY))) {
                String id = rollup.getString("_id");
                Document sessions = rollup.get("practicedSessions", Document.class);
                if (sessions != null) {
                    sessions.forEach((code, count) -> put(counters, id + " sessions " + code, count));
                }
                Document rated = rollup.get("practicedItems", Document.class);
                if (rated != null) {
                    rated.forEach((code, tally) -> List.of("r1", "r2", "r3", "r4", "r5").forEach(answer ->
                            put(counters, id + " rated " + code + " " + answer, ((Document) tally).get(answer))));
                }
            }
        }
        return counters;
    }

    /**
     * The agency's forms-asked and by-mode counters as stored, rollup by rollup, leaving out zeros: {@code
     * "<rollup> asked <item>"}, {@code "<rollup> <mode> items <item> r<n>"} and {@code "<rollup> <mode> hope r<n>"}.
     */
    private static Map<String, Long> askedAndModes() {
        Map<String, Long> counters = new TreeMap<>();
        try (MongoClient client = MongoClients.create(TestBackends.mongoUri(DATABASE))) {
            for (Document rollup : client.getDatabase(DATABASE).getCollection("rollups")
                    .find(new Document("agencyId", AGENCY))) {
                String id = rollup.getString("_id");
                Document asked = rollup.get("asked", Document.class);
                if (asked != null) {
                    asked.forEach((code, forms) -> put(counters, id + " asked " + code, forms));
                }
                Document modes = rollup.get("modes", Document.class);
                if (modes != null) {
                    modes.forEach((mode, ofMode) -> {
                        Document items = ((Document) ofMode).get("items", Document.class);
                        if (items != null) {
                            items.forEach((code, tally) -> answers(counters, id + " " + mode + " items " + code,
                                    (Document) tally));
                        }
                        Document hope = ((Document) ofMode).get("hope", Document.class);
                        if (hope != null) {
                            answers(counters, id + " " + mode + " hope", hope);
                        }
                    });
                }
            }
        }
        return counters;
    }

    private static void answers(Map<String, Long> counters, String key, Document tally) {
        List.of("r1", "r2", "r3", "r4", "r5").forEach(answer -> put(counters, key + " " + answer, tally.get(answer)));
    }

    private static long sum(Map<String, Long> counters, String containing) {
        return counters.entrySet().stream().filter(entry -> entry.getKey().contains(containing))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static void put(Map<String, Long> counters, String key, Object value) {
        long count = value instanceof Number number ? number.longValue() : 0;
        if (count != 0) {
            counters.put(key, count);
        }
    }

    /** As a bug or a bad hand edit would: every rollup off by 100 sessions, every copy window gone. */
    private static void damageRollupsAndCopyWindows() {
        try (MongoClient client = MongoClients.create(TestBackends.mongoUri(DATABASE))) {
            MongoDatabase database = client.getDatabase(DATABASE);
            assertThat(database.getCollection("rollups").updateMany(new Document(),
                    new Document("$inc", new Document("sessions", 100))).getModifiedCount()).isPositive();
            assertThat(database.getCollection("copy_windows").deleteMany(new Document()).getDeletedCount())
                    .isPositive();
        }
    }

    private void publishTheWeek(TestEvents events) throws Exception {
        SessionLogged s1 = TestEvents.practicing(TestEvents.session(AGENCY, "warmline", "sp-rivera",
                at("2026-11-16T09:00:00Z"), 45, Activity.PEER_SUPPORT, List.of(FocusArea.RECOVERY_GOALS),
                List.of("humor")), List.of("KINDNESS"));
        SessionLogged s2 = TestEvents.practicing(TestEvents.session(AGENCY, "warmline", "sp-rivera",
                at("2026-11-16T15:00:00Z"), 30, Activity.PEER_SUPPORT, List.of(FocusArea.WELLNESS), List.of()),
                List.of("KINDNESS", "EMPATHY"));
        SessionLogged s3 = TestEvents.session(AGENCY, "warmline", "sp-chen", at("2026-11-17T10:00:00Z"), 60,
                Activity.NON_PEER_TASK, List.of(FocusArea.HOUSING), List.of("courage"));
        SessionLogged s4 = TestEvents.session(AGENCY, "peer-navigation", "sp-chen", at("2026-11-17T12:00:00Z"), 25,
                Activity.ADVOCACY, List.of(), List.of());
        SessionLogged s5 = TestEvents.session(AGENCY, "peer-navigation", "sp-okafor", at("2026-11-18T09:00:00Z"), 40,
                Activity.PEER_SUPPORT, List.of(FocusArea.RECOVERY_GOALS), List.of("art"));
        SessionLogged s6 = TestEvents.session(AGENCY, "warmline", "sp-rivera", at("2026-11-18T18:00:00Z"), 20,
                Activity.GROUP_FACILITATION, List.of(), List.of());
        SessionLogged s7 = TestEvents.practicing(TestEvents.session(AGENCY, "warmline", "sp-rivera",
                at("2026-11-18T19:00:00Z"), 50, Activity.PEER_SUPPORT, List.of(), List.of()), List.of("KINDNESS"));
        List<FeedbackSubmitted> feedback = new ArrayList<>();
        int[][] ratings = {{5, 4, 5, 3}, {4, 5, 4, 4}, {5, 3, 5, 5}, {3, 4, 4, 4}, {5, 5, 5, 2}};
        List<SessionLogged> answered = List.of(s1, s2, s3, s4, s5);
        for (int i = 0; i < answered.size(); i++) {
            Map<String, Integer> rated = Map.of("KINDNESS", ratings[i][0], "EMPATHY", ratings[i][1],
                    "SAFE_ATMOSPHERE", ratings[i][2], "NO_STIGMA", ratings[i][3]);
            feedback.add(i == 1 ? TestEvents.feedback(answered.get(i), rated, 3 + i % 3, true)
                    : TestEvents.answered(answered.get(i), rated, 3 + i % 3, i % 2 == 0 ? "KIOSK" : "OWN_DEVICE",
                            i < 2 ? List.of() : List.of("KINDNESS", "EMPATHY", "SAFE_ATMOSPHERE", "NO_STIGMA", "COURAGE")));
        }
        for (SessionLogged session : List.of(s1, s2, s3, s4, s5, s6, s7)) {
            events.publish(Topics.SESSIONS, session);
        }
        for (FeedbackSubmitted answer : feedback) {
            events.publish(Topics.FEEDBACK, answer);
        }
        FeedbackSubmitted s7Answer = TestEvents.answered(s7, Map.of("KINDNESS", 1), 1, "KIOSK",
                List.of("KINDNESS", "GENTLENESS"));
        events.publish(Topics.FEEDBACK, s7Answer);
        events.publish(Topics.SESSIONS, TestEvents.voided(s7));
        events.publish(Topics.FEEDBACK, TestEvents.withdrawn(s7Answer));
        events.publish(Topics.SESSIONS, s2);
        events.publish(Topics.FEEDBACK, feedback.get(2));
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    /** metrics-service as it runs, on the shared test broker and one database both runs use. */
    private static ConfigurableApplicationContext start(boolean rebuild) {
        TestIssuer issuer = TestIssuer.shared();
        return new SpringApplicationBuilder(MetricsServiceApplication.class).run(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.kafka.bootstrap-servers=" + TestBackends.kafkaBootstrapServers(),
                "--spring.kafka.consumer.group-id=" + GROUP,
                "--spring.mongodb.uri=" + TestBackends.mongoUri(DATABASE),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer.issuerUri(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer.jwkSetUri(),
                "--peerpulse.indicators.rebuild=" + rebuild);
    }

    private static TestApi api(ConfigurableApplicationContext context) {
        return new TestApi(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    private static void awaitAssigned(ConfigurableApplicationContext context) {
        KafkaListenerEndpointRegistry listeners = context.getBean(KafkaListenerEndpointRegistry.class);
        await().atMost(WAIT).until(() -> listeners.getListenerContainers().stream()
                .allMatch(container -> !container.getAssignedPartitions().isEmpty()));
    }

    private static void awaitCaughtUp() {
        TopicProbe.awaitCaughtUp(TestBackends.kafkaBootstrapServers(), GROUP, WAIT, Topics.SESSIONS, Topics.FEEDBACK);
    }
}
