package org.peerpulse.feedback.flow;

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

import org.junit.jupiter.api.Test;
import org.peerpulse.testsupport.PeerPulseIntegrationTest;
import org.peerpulse.testsupport.TestIssuer;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A quality lead reading a program's comments is in feedback-service's audit trail, with who, when and which
 * program and period, for that agency's leads only; a specialist's try is recorded as refused.
 */
@PeerPulseIntegrationTest(properties = {"peerpulse.outbox.poll-interval=50ms",
        "peerpulse.feedback.token-attempts-per-minute=100000"})
class AuditTrailIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void readingCommentsIsRecordedForTheAgencysLeadOnly() throws Exception {
        String agency = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        String lead = token(agency, "quality_lead", "lead-ana");
        String peer = token(agency, "specialist", "peer-ben");
        String otherLead = token("other-" + UUID.randomUUID().toString().substring(0, 8), "quality_lead", "lead-zed");
        String path = "/api/v1/comments?programId=warmline&from=2026-11-20&to=2026-11-26";

        assertThat(get(path, lead).statusCode()).isEqualTo(200);
        assertThat(get(path, peer).statusCode()).isEqualTo(403);

        JsonNode read = await().atMost(Duration.ofSeconds(10)).until(() -> trail(lead, "comments.read"),
                found -> found.size() == 1).get(0);
        assertThat(read.get("agencyId").asString()).isEqualTo(agency);
        assertThat(read.get("actor").asString()).isEqualTo("lead-ana");
        assertThat(read.get("service").asString()).isEqualTo("feedback-service");
        assertThat(read.get("outcome").asInt()).isEqualTo(200);
        assertThat(JSON.convertValue(read.get("target"), Map.class))
                .isEqualTo(Map.of("programId", "warmline", "from", "2026-11-20", "to", "2026-11-26"));
        JsonNode refused = await().atMost(Duration.ofSeconds(10)).until(() -> trail(lead, "access.denied"),
                found -> found.size() == 1).get(0);
        assertThat(refused.get("actor").asString()).isEqualTo("peer-ben");
        assertThat(refused.get("target").get("attempted").asString()).isEqualTo("comments.read");

        assertThat(trail(otherLead, "comments.read")).isEmpty();
        assertThat(trail(otherLead, "access.denied")).isEmpty();
    }

    private List<JsonNode> trail(String token, String action) throws Exception {
        HttpResponse<String> answer = get("/api/v1/audit?action=" + action, token);
        assertThat(answer.statusCode()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        JSON.readTree(answer.body()).get("items").forEach(items::add);
        return items;
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String agency, String role, String subject) {
        return TestIssuer.shared().token(Map.of("agency", agency, "roles", List.of(role), "sub", subject),
                Duration.ofMinutes(5));
    }
}
