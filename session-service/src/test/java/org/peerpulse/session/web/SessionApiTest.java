package org.peerpulse.session.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.peerpulse.contracts.EventTypes;
import org.peerpulse.contracts.InvitationTokens;
import org.peerpulse.contracts.GoldenSamples;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.Topics;
import org.peerpulse.platform.messaging.CloudEvents;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.testsupport.PeerPulseIntegrationTest;
import org.peerpulse.testsupport.TestBackends;
import org.peerpulse.testsupport.TestIssuer;
import org.peerpulse.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The session API over real HTTP, with the real resource server, the real broker and the store: what a
 * specialist gets back, what goes on the topic, and that rejected input leaves nothing behind.
 */
@PeerPulseIntegrationTest
class SessionApiTest {

    private static final String PARTICIPANT_REF = "client-ref-7Q3Z";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private final TestIssuer issuer = TestIssuer.shared();
    private final EventCodec codec = new EventCodec();

    @Test
    void aLoggedSessionAnswersWithItsFeedbackLinkAndIsPublishedOnceWithoutPrivateData() {
        String agency = "harbor-" + System.nanoTime();
        ResponseEntity<JsonNode> answer = post(issuer.token(agency, "specialist"), validBody(), MediaType.APPLICATION_JSON);

        assertThat(answer.getStatusCode().value()).isEqualTo(201);
        assertThat(answer.getHeaders().getCacheControl()).contains("no-store");
        JsonNode body = answer.getBody();
        String sessionId = body.get("sessionId").asString();
        String token = body.get("feedback").get("token").asString();
        assertThat(answer.getHeaders().getLocation()).hasPath("/api/v1/sessions/" + sessionId);
        assertThat(token).matches("[A-Za-z0-9_-]{51}");
        assertThat(body.get("feedback").get("url").asString()).isEqualTo("http://127.0.0.1:8082/f/" + token);
        assertThat(Instant.parse(body.get("feedback").get("expiresAt").asString()))
                .isCloseTo(Instant.now().plus(Duration.ofDays(7)), within(Duration.ofMinutes(1)));

        List<ConsumerRecord<String, String>> published = TopicProbe.awaitRecords(
                TestBackends.kafkaBootstrapServers(), Topics.SESSIONS, record -> agency.equals(record.key()), 1);
        ConsumerRecord<String, String> record = published.get(0);
        assertThat(CloudEvents.header(record.headers(), CloudEvents.TYPE)).contains(EventTypes.SESSION_LOGGED);
        assertThat(CloudEvents.header(record.headers(), CloudEvents.SOURCE)).contains("/session-service");
        assertThat(CloudEvents.header(record.headers(), CloudEvents.CONTENT_TYPE)).contains("application/json");
        SessionLogged event = codec.read(record.value(), SessionLogged.class);
        assertThat(CloudEvents.header(record.headers(), CloudEvents.ID)).contains(event.eventId().toString());
        assertThat(event.sessionId()).isEqualTo(sessionId);
        assertThat(event.invitation().tokenHash()).isEqualTo(InvitationTokens.hashOf(token));
        assertThat(record.value()).doesNotContain(token).doesNotContain(PARTICIPANT_REF);
        assertThat(fieldNames(record.value())).isEqualTo(fieldNames(GoldenSamples.json(SessionLogged.class)));

        ResponseEntity<JsonNode> read = get(issuer.token(agency, "quality_lead"), "/api/v1/sessions/" + sessionId);
        assertThat(read.getStatusCode().value()).isEqualTo(200);
        assertThat(read.getBody().get("programId").asString()).isEqualTo("warmline");
        assertThat(read.getBody().toString()).doesNotContain(token).doesNotContain(PARTICIPANT_REF)
                .doesNotContain(event.participantPseudonym()).doesNotContain(event.invitation().tokenHash());
        assertThat(mongo.getCollection("sessions").find().into(new java.util.ArrayList<>()).toString())
                .doesNotContain(token).doesNotContain(PARTICIPANT_REF);
    }

    @Test
    void anotherAgencysSessionIsNotFound() {
        String agency = "harbor-" + System.nanoTime();
        String sessionId = post(issuer.token(agency, "specialist"), validBody(), MediaType.APPLICATION_JSON)
                .getBody().get("sessionId").asString();

        ResponseEntity<JsonNode> foreign = get(issuer.token("sunrise", "quality_lead"), "/api/v1/sessions/" + sessionId);

        assertThat(foreign.getStatusCode().value()).isEqualTo(404);
        assertThat(foreign.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    static Stream<Arguments> badInputs() {
        String valid = validBody();
        return Stream.of(
                Arguments.of("malformed JSON", "{\"programId\": \"warmline\", " + PARTICIPANT_REF, null),
                Arguments.of("missing field", valid.replace("\"programId\": \"warmline\",", ""), "programId"),
                Arguments.of("bad id", valid.replace("\"sp-rivera\"", "\"sp rivera/" + PARTICIPANT_REF + "\""),
                        "specialistId"),
                Arguments.of("too long", valid.replace("\"durationMinutes\": 45", "\"durationMinutes\": 481"),
                        "durationMinutes"),
                Arguments.of("fractional minutes", valid.replace("\"durationMinutes\": 45", "\"durationMinutes\": 45.5"),
                        "durationMinutes"),
                Arguments.of("zero minutes", valid.replace("\"durationMinutes\": 45", "\"durationMinutes\": 0"),
                        "durationMinutes"),
                Arguments.of("future", valid.replace(recently(), Instant.now().plus(Duration.ofHours(2)).toString()),
                        "occurredAt"),
                Arguments.of("too old", valid.replace(recently(), Instant.now().minus(Duration.ofDays(120)).toString()),
                        "occurredAt"),
                Arguments.of("unknown channel", valid.replace("\"PHONE\"", "\"PIGEON_" + PARTICIPANT_REF + "\""),
                        "channel"),
                Arguments.of("unknown field", valid.replace("{", "{\"agencyId\": \"sunrise\","), "agencyId"),
                Arguments.of("unknown value", valid.replace("\"KINDNESS\"", "\"SAFE_ATMOSPHERE\""), "valuesPracticed"),
                Arguments.of("long strength", valid.replace("\"humor\"", "\"" + "x".repeat(41) + "\""),
                        "strengthsNoted[0]"),
                Arguments.of("blank participant", valid.replace("\"" + PARTICIPANT_REF + "\"", "\"  \""),
                        "participantRef"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsAProblemThatNamesTheFieldAndLeavesNothingBehind(String name, String body, String field) {
        String agency = "bad-input-" + System.nanoTime();
        ResponseEntity<JsonNode> answer = post(issuer.token(agency, "specialist"), body, MediaType.APPLICATION_JSON);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().get("status").asInt()).isEqualTo(400);
        assertThat(answer.getBody().toString()).doesNotContain(PARTICIPANT_REF);
        if (field != null) {
            assertThat(answer.getBody().get("errors").findValuesAsString("field")).contains(field);
        }
        assertNothingKeptFor(agency);
    }

    @Test
    void aWrongContentTypeIsUnsupported() {
        String agency = "bad-input-" + System.nanoTime();
        ResponseEntity<JsonNode> answer = post(issuer.token(agency, "specialist"), validBody(), MediaType.TEXT_PLAIN);

        assertThat(answer.getStatusCode().value()).isEqualTo(415);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertNothingKeptFor(agency);
    }

    @Test
    void callersWithoutAValidTokenOrTheRightRoleAreTurnedAway() {
        assertThat(post(null, validBody(), MediaType.APPLICATION_JSON).getStatusCode().value()).isEqualTo(401);
        assertThat(post(issuer.tokenSignedByAnotherKey("harbor", "specialist"), validBody(),
                MediaType.APPLICATION_JSON).getStatusCode().value()).isEqualTo(401);
        assertThat(post(issuer.token(Map.of("agency", "harbor", "roles", List.of("specialist")),
                Duration.ofMinutes(-5)), validBody(), MediaType.APPLICATION_JSON).getStatusCode().value()).isEqualTo(401);
        String ops = "ops-" + System.nanoTime();
        ResponseEntity<JsonNode> forbidden = post(issuer.token(ops, "ops"), validBody(), MediaType.APPLICATION_JSON);
        assertThat(forbidden.getStatusCode().value()).isEqualTo(403);
        assertThat(forbidden.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        ResponseEntity<JsonNode> noAgency = post(issuer.token(Map.of("roles", List.of("specialist")),
                Duration.ofMinutes(5)), validBody(), MediaType.APPLICATION_JSON);
        assertThat(noAgency.getStatusCode().value()).isEqualTo(403);
        assertNothingKeptFor(ops);
    }

    private void assertNothingKeptFor(String agency) {
        assertThat(mongo.count(Query.query(Criteria.where("agencyId").is(agency)), "sessions")).isZero();
        // The relay polls every 100 ms: five polls of quiet show it had nothing to publish.
        assertThat(TopicProbe.readAll(TestBackends.kafkaBootstrapServers(), Topics.SESSIONS, Duration.ofMillis(500)))
                .noneMatch(record -> agency.equals(record.key()));
    }

    private ResponseEntity<JsonNode> post(String token, String body, MediaType contentType) {
        return client().post().uri("/api/v1/sessions")
                .headers(headers -> bearer(headers, token))
                .contentType(contentType)
                .body(body)
                .exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
                        .headers(response.getHeaders()).body(readBody(response.getBody().readAllBytes())));
    }

    private ResponseEntity<JsonNode> get(String token, String path) {
        return client().get().uri(path)
                .headers(headers -> bearer(headers, token))
                .exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
                        .headers(response.getHeaders()).body(readBody(response.getBody().readAllBytes())));
    }

    private RestClient client() {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port).build();
    }

    private static void bearer(HttpHeaders headers, String token) {
        if (token != null) {
            headers.setBearerAuth(token);
        }
    }

    private static JsonNode readBody(byte[] bytes) {
        return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
    }

    private static Set<String> fieldNames(String json) {
        return JSON.readTree(json).propertyStream().map(Map.Entry::getKey).collect(java.util.stream.Collectors.toSet());
    }

    private static final String RECENTLY = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS)
            .toString();

    private static String recently() {
        return RECENTLY;
    }

    private static String validBody() {
        return """
                {"programId": "warmline", "specialistId": "sp-rivera", "participantRef": "%s",
                 "occurredAt": "%s", "durationMinutes": 45, "channel": "PHONE", "activity": "PEER_SUPPORT",
                 "focusAreas": ["RECOVERY_GOALS"], "strengthsNoted": ["humor"], "valuesPracticed": ["KINDNESS"]}
                """.formatted(PARTICIPANT_REF, recently());
    }

    private static org.assertj.core.data.TemporalUnitOffset within(Duration duration) {
        return new org.assertj.core.data.TemporalUnitWithinOffset(duration.toSeconds(), ChronoUnit.SECONDS);
    }
}
