package org.peerpulse.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peerpulse.platform.security.Caller;
import org.peerpulse.testsupport.PeerPulseTestContext;
import org.peerpulse.testsupport.TestIssuer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's audit trail over real HTTP on the shared store: an {@link Audited} handler is recorded with
 * who, what, when, the agency and the outcome, keeping path ids and allow-listed parameters only; the
 * security filters' 401 and 403 are recorded without the token; {@code GET /api/v1/audit} answers a quality
 * lead their own agency's trail only, and refuses everyone else.
 */
@SpringBootTest(classes = AuditTrailIntegrationTest.ProbeApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.application.name=audit-probe")
@ContextConfiguration(initializers = PeerPulseTestContext.class)
class AuditTrailIntegrationTest {

    private static final TestIssuer ISSUER = TestIssuer.shared();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    MongoOperations mongo;

    private final String home = "home-" + UUID.randomUUID().toString().substring(0, 8);
    private final String other = "other-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void anAuditedCallIsRecordedWithWhoWhatWhenAndTheAgencyAndOnlyItsLeadReadsIt() throws Exception {
        String lead = token(home, "lead-ann", Caller.QUALITY_LEAD);
        HttpResponse<String> viewed = get("/api/v1/probes/prog-7?from=2026-11-01&granularity=week&comment=very+private",
                lead);
        assertThat(viewed.statusCode()).isEqualTo(200);

        List<JsonNode> items = await().atMost(Duration.ofSeconds(10)).until(
                () -> read(lead, "?action=probe.view"), found -> found.size() == 1);
        JsonNode record = items.get(0);
        assertThat(record.get("service").asString()).isEqualTo("audit-probe");
        assertThat(record.get("agencyId").asString()).isEqualTo(home);
        assertThat(record.get("actor").asString()).isEqualTo("lead-ann");
        assertThat(record.get("roles").toString()).isEqualTo("[\"quality_lead\"]");
        assertThat(record.get("action").asString()).isEqualTo("probe.view");
        assertThat(record.get("outcome").asInt()).isEqualTo(200);
        assertThat(record.get("at").asString()).isNotBlank();
        assertThat(JSON.convertValue(record.get("target"), Map.class))
                .isEqualTo(Map.of("programId", "prog-7", "from", "2026-11-01", "granularity", "week"));
        assertThat(viewedRaw()).doesNotContain("private").doesNotContain(lead);

        String otherLead = token(other, "lead-bo", Caller.QUALITY_LEAD);
        get("/api/v1/probes/prog-9", otherLead);
        await().atMost(Duration.ofSeconds(10)).until(() -> read(otherLead, "?action=probe.view"), found -> found.size() == 1);
        assertThat(read(otherLead, "?action=probe.view").get(0).get("target").get("programId").asString())
                .isEqualTo("prog-9");
        assertThat(read(lead, "?action=probe.view")).hasSize(1);
        assertThat(read(lead, "?action=probe.view&from=2020-01-01&to=2020-01-31")).isEmpty();
    }

    @Test
    void theTrailIsForQualityLeadsOnlyAndBadParametersAreNamed() throws Exception {
        assertThat(get("/api/v1/audit", null).statusCode()).isEqualTo(401);
        for (String refused : List.of(token(home, "peer-ana", Caller.SPECIALIST),
                ISSUER.token(Map.of("roles", List.of(Caller.OPS)), Duration.ofMinutes(5)))) {
            HttpResponse<String> answer = get("/api/v1/audit", refused);
            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        String lead = token(home, "lead-ann", Caller.QUALITY_LEAD);
        for (String parameter : List.of("from=yesterday", "to=2026-13-01", "size=0", "size=1000", "page=-1",
                "action=DROP%20TABLE", "from=2026-11-02&to=2026-11-01")) {
            HttpResponse<String> answer = get("/api/v1/audit?" + parameter, lead);
            String name = parameter.contains("&") ? "to" : parameter.substring(0, parameter.indexOf('='));
            assertThat(answer.statusCode()).as(parameter).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(JSON.readTree(answer.body()).get("errors").get(0).get("field").asString()).as(parameter)
                    .isEqualTo(name);
        }
        // The specialist's refusal is in the trail, under their agency, for the lead to see.
        List<JsonNode> denied = await().atMost(Duration.ofSeconds(10)).until(() -> read(lead, "?action=access.denied"),
                found -> found.size() == 1);
        assertThat(denied.get(0).get("actor").asString()).isEqualTo("peer-ana");
        assertThat(denied.get(0).get("target").get("attempted").asString()).isEqualTo("audit.read");
        assertThat(denied.get(0).get("outcome").asInt()).isEqualTo(403);
    }

    @Test
    void refusalsOfTheSecurityFiltersAreRecordedWithoutTheToken() throws Exception {
        String lead = token(home, "lead-ann", Caller.QUALITY_LEAD);
        String expired = ISSUER.token(Map.of("agency", home, "sub", "lead-old", "roles", List.of(Caller.QUALITY_LEAD)),
                Duration.ofMinutes(-5));
        String forged = ISSUER.tokenSignedByAnotherKey(home, Caller.QUALITY_LEAD);
        String peer = token(home, "peer-ana", Caller.SPECIALIST);
        assertThat(get("/api/v1/probes/prog-1", expired).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/probes/prog-1", forged).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/probes/prog-1", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", peer).statusCode()).isEqualTo(403);

        // The expired token's signature held, so its agency is the issuer's word: the lead sees it.
        List<JsonNode> failed = await().atMost(Duration.ofSeconds(10)).until(() -> read(lead, "?action=authentication.failed"),
                found -> found.size() == 1);
        assertThat(failed.get(0).get("actor").asString()).isEqualTo("lead-old");
        assertThat(failed.get(0).get("outcome").asInt()).isEqualTo(401);
        assertThat(JSON.convertValue(failed.get(0).get("target"), Map.class)).isEqualTo(
                Map.of("reason", "expired", "method", "GET", "path", "/api/v1/probes/prog-1"));

        // The forged one proves nothing: kept apart, its claim marked unverified, in no agency's trail.
        List<Document> unverified = await().atMost(Duration.ofSeconds(10)).until(() -> mongo.find(
                Query.query(Criteria.where("claimedAgency").is(home)), Document.class, "audit"), found -> found.size() == 1);
        assertThat(unverified.get(0).get("agencyId")).isNull();
        assertThat(unverified.get(0).get("actor")).isNull();
        assertThat(unverified.get(0).get("target", Document.class).getString("reason")).isEqualTo("invalid_token");
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.count(Query.query(Criteria.where("action")
                .is("authentication.failed").and("target.reason").is("missing")), "audit") == 1);

        List<JsonNode> denied = await().atMost(Duration.ofSeconds(10)).until(() -> read(lead, "?action=access.denied"),
                found -> found.size() == 1);
        assertThat(denied.get(0).get("actor").asString()).isEqualTo("peer-ana");
        assertThat(denied.get(0).get("target").get("path").asString()).isEqualTo("/actuator/prometheus");

        String everything = String.join("\n", mongo.findAll(Document.class, "audit").stream().map(Document::toJson).toList());
        for (String token : List.of(expired, forged, peer, lead)) {
            assertThat(everything).doesNotContain(token).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
        }
    }

    private String viewedRaw() {
        return String.join("\n", mongo.find(Query.query(Criteria.where("agencyId").is(home)), Document.class, "audit")
                .stream().map(Document::toJson).toList());
    }

    private List<JsonNode> read(String bearer, String query) throws Exception {
        HttpResponse<String> answer = get("/api/v1/audit" + query, bearer);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        JSON.readTree(answer.body()).get("items").forEach(items::add);
        return items;
    }

    private HttpResponse<String> get(String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String agency, String subject, String role) {
        return ISSUER.token(Map.of("agency", agency, "sub", subject, "roles", List.of(role)), Duration.ofMinutes(5));
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Probe.class)
    static class ProbeApplication {
    }

    /** A dashboard-like read: audited, quality leads only. */
    @RestController
    static class Probe {

        @GetMapping("/api/v1/probes/{programId}")
        @Audited("probe.view")
        String view(Caller caller, @PathVariable String programId) {
            if (!caller.hasRole(Caller.QUALITY_LEAD)) {
                throw new AccessDeniedException("quality leads only");
            }
            return programId;
        }
    }
}
