package org.peerpulse.feedback.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.contracts.InvitationTokens;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.testsupport.PeerPulseIntegrationTest;
import org.peerpulse.testsupport.TestIssuer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A participant reports harm on the real form API; the quality lead of the session's agency follows the alert
 * (its id derived from the answer's event id, as metrics-service derives it) to the participant's own words.
 * Nobody else gets them: another agency's lead is told there is no such report, a specialist and ops are
 * refused, and the audit trail records each read without the words.
 */
@PeerPulseIntegrationTest(properties = {"peerpulse.outbox.poll-interval=50ms",
        "peerpulse.feedback.token-attempts-per-minute=100000"})
class HarmReportFlowIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String WORDS = "She laughed at me when I said I was scared to go back.";

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EventCodec codec;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theAgencysLeadReadsTheParticipantsWordsAndNobodyElseDoes() throws Exception {
        String agency = "harm-" + UUID.randomUUID().toString().substring(0, 8);
        SessionStream sessions = new SessionStream(kafka, codec, mongo);
        SessionStream.Invited invited = sessions.invitedGroup(agency, 1, Instant.now().plus(7, ChronoUnit.DAYS)).get(0);
        assertThat(submit(invited.token(), "{\"reported\": true, \"text\": \"" + WORDS + "\"}").statusCode())
                .isEqualTo(201);
        UUID alertId = alertOf(invited.token());
        String lead = token(agency, "quality_lead", "lead-ana");

        HttpResponse<String> read = get("/api/v1/harm-reports/" + alertId, lead);

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("no-store"));
        JsonNode report = JSON.readTree(read.body());
        assertThat(report.get("alertId").asString()).isEqualTo(alertId.toString());
        assertThat(report.get("text").asString()).isEqualTo(WORDS);
        assertThat(report.get("programId").asString()).isEqualTo("warmline");
        // The session was at 14:30 UTC on 20 November; the agency set no zone, so its calendar is UTC's.
        assertThat(report.get("sessionDate").asString()).isEqualTo("2026-11-20");
        assertThat(report.get("reportedAt").asString()).isNotBlank();
        assertThat(read.body()).doesNotContain(invited.token(), InvitationTokens.hashOf(invited.token()),
                invited.logged().sessionId(), invited.logged().specialistId());

        HttpResponse<String> otherAgency = get("/api/v1/harm-reports/" + alertId,
                token("other-" + UUID.randomUUID().toString().substring(0, 8), "quality_lead", "lead-zed"));
        assertThat(otherAgency.statusCode()).isEqualTo(404);
        assertThat(otherAgency.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(otherAgency.body()).doesNotContain(WORDS, agency);
        HttpResponse<String> specialist = get("/api/v1/harm-reports/" + alertId, token(agency, "specialist", "peer-ben"));
        assertThat(specialist.statusCode()).isEqualTo(403);
        assertThat(specialist.body()).doesNotContain(WORDS);
        assertThat(get("/api/v1/harm-reports/" + alertId,
                TestIssuer.shared().token(Map.of("roles", List.of("ops"), "sub", "ops"), Duration.ofMinutes(5)))
                .statusCode()).isEqualTo(403);
        HttpResponse<String> unknown = get("/api/v1/harm-reports/" + UUID.randomUUID(), lead);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(get("/api/v1/harm-reports/not-an-alert", lead).statusCode()).isEqualTo(400);

        // The lead's three reads: the report, the unknown alert and the malformed id, each with its outcome.
        List<JsonNode> reads = await().atMost(WAIT).until(() -> trail(lead, "harm_report.read"),
                found -> found.size() == 3);
        assertThat(reads).extracting(entry -> entry.get("outcome").asInt()).containsExactlyInAnyOrder(200, 404, 400);
        JsonNode audited = reads.stream().filter(entry -> entry.get("outcome").asInt() == 200).findFirst().orElseThrow();
        assertThat(audited.get("actor").asString()).isEqualTo("lead-ana");
        assertThat(audited.get("target").get("alertId").asString()).isEqualTo(alertId.toString());
        JsonNode refused = await().atMost(WAIT).until(() -> trail(lead, "access.denied"),
                found -> found.size() == 1).get(0);
        assertThat(refused.get("target").get("attempted").asString()).isEqualTo("harm_report.read");
        assertThat(get("/api/v1/audit", lead).body()).doesNotContain(WORDS);
    }

    @Test
    void aHarmReportWithoutWordsIsReadAsOneAndAnAnswerWithoutHarmOpensNone() throws Exception {
        String agency = "harm-" + UUID.randomUUID().toString().substring(0, 8);
        SessionStream sessions = new SessionStream(kafka, codec, mongo);
        List<SessionStream.Invited> invited = sessions.invitedGroup(agency, 2, Instant.now().plus(7, ChronoUnit.DAYS));
        assertThat(submit(invited.get(0).token(), "{\"reported\": true, \"text\": \"  \"}").statusCode()).isEqualTo(201);
        assertThat(submit(invited.get(1).token(), "{\"reported\": false}").statusCode()).isEqualTo(201);
        String lead = token(agency, "quality_lead", "lead-ana");

        HttpResponse<String> read = get("/api/v1/harm-reports/" + alertOf(invited.get(0).token()), lead);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(read.body()).get("text").isNull()).isTrue();

        Document noHarm = sessions.invitation(invited.get(1).token());
        assertThat(noHarm).doesNotContainKey("harmAlertId");
        UUID wouldBe = FeedbackSubmitted.harmAlertId(UUID.fromString(noHarm.getString("submittedEventId")));
        assertThat(get("/api/v1/harm-reports/" + wouldBe, lead).statusCode()).isEqualTo(404);
    }

    /**
     * The page for leads asks a browser without the page's session to sign in, whatever bearer token comes with
     * it; the participant's form next to it stays open and never sets a cookie.
     */
    @Test
    void theLeadsPageSignsInAndTheParticipantsFormGetsNoCookie() throws Exception {
        SessionStream sessions = new SessionStream(kafka, codec, mongo);
        String token = sessions.invitedToken();
        String lead = token("harbor", "quality_lead", "lead-ana");

        HttpResponse<String> page = get("/harm-reports/" + UUID.randomUUID(), lead);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/oauth2/authorization/peerpulse"));

        for (String path : List.of("/f/" + token, "/f/" + token + "?lang=es", "/assets/participant.css")) {
            HttpResponse<String> form = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(form.statusCode()).as(path).isEqualTo(200);
            assertThat(form.headers().allValues("Set-Cookie")).as(path).isEmpty();
        }
    }

    /** The alert metrics-service opens for the answer given with {@code token}, by the contract's rule. */
    private UUID alertOf(String token) {
        SessionStream sessions = new SessionStream(kafka, codec, mongo);
        Document answered = await().atMost(WAIT).until(() -> sessions.invitation(token),
                found -> found.getString("submittedEventId") != null);
        UUID alertId = FeedbackSubmitted.harmAlertId(UUID.fromString(answered.getString("submittedEventId")));
        assertThat(answered.getString("harmAlertId")).isEqualTo(alertId.toString());
        return alertId;
    }

    private HttpResponse<String> submit(String token, String harm) throws Exception {
        String json = """
                {"token": "%s", "ratings": {"KINDNESS": 2}, "hope": 2, "harm": %s}""".formatted(token, harm);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/feedback"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
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
