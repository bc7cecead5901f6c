package org.peerpulse.indicators.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.peerpulse.indicators.flow.TestApi.token;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.Topics;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.testsupport.PeerPulseIntegrationTest;
import org.peerpulse.testsupport.TestBackends;
import org.peerpulse.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * metrics-service's audit trail over real HTTP, on the real broker and store: a quality lead's dashboard
 * views, export and alert change, over the API and on the signed-in page, are each recorded with who, what,
 * when and the agency, as is a specialist's refused dashboard; the agency's lead reads them all, another
 * agency's lead none of them.
 */
@PeerPulseIntegrationTest
class AuditTrailIntegrationTest {

    private static final String GROUP = "audit-it-" + UUID.randomUUID();
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
    MongoTemplate mongo;
    @Autowired
    WebServerApplicationContext server;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void viewsExportsAndAlertChangesAreRecordedForTheAgencysLeadOnly() throws Exception {
        String agency = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        String lead = token(agency, "quality_lead", "lead-ana");
        String peer = token(agency, "specialist", "sp-rivera");
        String otherLead = token("other-" + UUID.randomUUID().toString().substring(0, 8), "quality_lead", "lead-zed");
        TestApi api = new TestApi(port);
        TestEvents events = new TestEvents(kafka, codec);
        SessionLogged session = TestEvents.session(agency, "warmline", "sp-rivera", Instant.parse("2026-11-20T09:00:00Z"));
        events.publish(Topics.SESSIONS, session);
        events.publish(Topics.FEEDBACK, TestEvents.feedback(session, Map.of("KINDNESS", 2), 2, true));
        String alertId = await().atMost(WAIT).until(() -> api.get("/api/v1/alerts", lead).body().get("items"),
                items -> items.size() == 1).get(0).get("id").asString();
        TopicProbe.awaitCaughtUp(TestBackends.kafkaBootstrapServers(), GROUP, WAIT, Topics.SESSIONS, Topics.FEEDBACK);
        Instant before = Instant.now().minusSeconds(1);

        assertThat(api.get("/api/v1/dashboards/agency?from=2026-11-16&to=2026-11-22&granularity=week", lead).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/dashboards/programs/warmline?from=2026-11-16&to=2026-11-22", lead).status())
                .isEqualTo(200);
        assertThat(csv("/api/v1/exports/indicators.csv?from=2026-11-01&to=2026-11-30", lead)).isEqualTo(200);
        assertThat(api.post("/api/v1/alerts/" + alertId + "/acknowledge", lead).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/dashboards/agency", peer).status()).isEqualTo(403);
        String signedIn = signedInLead(agency, "lead-page");
        assertThat(page("GET", "/specialists/sp-rivera?from=2026-11-16&to=2026-11-22", signedIn, null).statusCode())
                .isEqualTo(200);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(page("GET", "/alerts", signedIn, null).body());
        assertThat(csrf.find()).isTrue();
        assertThat(page("POST", "/alerts/" + alertId + "/resolve", signedIn,
                "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)).statusCode()).isEqualTo(302);

        List<JsonNode> trail = await().atMost(Duration.ofSeconds(10)).until(() -> trail(api, lead),
                found -> found.stream().filter(record -> !record.get("action").asString().equals("audit.read")).count() == 7);
        Instant after = Instant.now();
        assertThat(trail).allSatisfy(record -> {
            assertThat(record.get("agencyId").asString()).isEqualTo(agency);
            assertThat(record.get("service").asString()).isEqualTo("metrics-service");
            assertThat(Instant.parse(record.get("at").asString())).isBetween(before, after);
        });
        assertThat(find(trail, "dashboard.view", "programId", "warmline").get("actor").asString()).isEqualTo("lead-ana");
        JsonNode agencyView = find(trail, "dashboard.view", "granularity", "week");
        assertThat(agencyView.get("target").get("programId")).isNull();
        assertThat(agencyView.get("target").get("to").asString()).isEqualTo("2026-11-22");
        assertThat(agencyView.get("outcome").asInt()).isEqualTo(200);
        JsonNode export = find(trail, "export.indicators", "from", "2026-11-01");
        assertThat(export.get("actor").asString()).isEqualTo("lead-ana");
        assertThat(export.get("target").get("to").asString()).isEqualTo("2026-11-30");
        JsonNode acknowledged = find(trail, "alert.acknowledge", "id", alertId);
        assertThat(acknowledged.get("actor").asString()).isEqualTo("lead-ana");
        assertThat(acknowledged.get("roles").get(0).asString()).isEqualTo("quality_lead");
        assertThat(acknowledged.get("outcome").asInt()).isEqualTo(200);
        JsonNode pageView = find(trail, "dashboard.view", "specialistId", "sp-rivera");
        assertThat(pageView.get("actor").asString()).isEqualTo("lead-page");
        assertThat(pageView.get("target").get("from").asString()).isEqualTo("2026-11-16");
        JsonNode resolved = find(trail, "alert.resolve", "id", alertId);
        assertThat(resolved.get("actor").asString()).isEqualTo("lead-page");
        assertThat(resolved.get("outcome").asInt()).isEqualTo(302);
        JsonNode refused = find(trail, "access.denied", "attempted", "dashboard.view");
        assertThat(refused.get("actor").asString()).isEqualTo("sp-rivera");
        assertThat(refused.get("outcome").asInt()).isEqualTo(403);

        assertThat(trail(api, otherLead)).allSatisfy(record ->
                assertThat(record.get("agencyId").asString()).isNotEqualTo(agency));
        // The first read's own record is written a moment later, off the request path.
        assertThat(await().atMost(Duration.ofSeconds(10)).until(() -> trail(api, otherLead), found -> !found.isEmpty()))
                .extracting(record -> record.get("action").asString())
                .containsOnly("audit.read");
        assertThat(mongo.findAll(Document.class, "audit").stream().map(Document::toJson))
                .noneMatch(json -> json.contains(lead) || json.contains("pseudonym"));
    }

    /**
     * A session as the OpenID Connect sign-in leaves it for a quality lead, put straight into the running
     * server's session store, as MetricsFlowIntegrationTest does. Answers the session cookie.
     */
    private String signedInLead(String agency, String subject) {
        Instant now = Instant.now();
        OidcIdToken idToken = new OidcIdToken("id-token", now, now.plus(Duration.ofMinutes(10)),
                Map.of("sub", subject, "iss", "http://127.0.0.1:1", "agency", agency, "roles", List.of("quality_lead")));
        DefaultOidcUser user = new DefaultOidcUser(List.of(new SimpleGrantedAuthority("ROLE_quality_lead"),
                new SimpleGrantedAuthority("AGENCY_" + agency)), idToken);
        Context context = (Context) ((TomcatWebServer) server.getWebServer()).getTomcat().getHost().findChildren()[0];
        Session session = context.getManager().createSession(null);
        session.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(new OAuth2AuthenticationToken(user, user.getAuthorities(), "peerpulse")));
        return "PEERPULSE_DASHBOARD=" + session.getId();
    }

    private HttpResponse<String> page(String method, String path, String cookie, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Cookie", cookie);
        if (form == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(form));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode find(List<JsonNode> trail, String action, String field, String value) {
        return trail.stream().filter(record -> record.get("action").asString().equals(action)
                && record.get("target").get(field) != null
                && record.get("target").get(field).asString().equals(value)).findFirst().orElseThrow(
                        () -> new AssertionError("no " + action + " with " + field + "=" + value + " in " + trail));
    }

    private static List<JsonNode> trail(TestApi api, String token) throws Exception {
        TestApi.Answer answer = api.get("/api/v1/audit?size=100", token);
        assertThat(answer.status()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        answer.body().get("items").forEach(items::add);
        return items;
    }

    private int csv(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
