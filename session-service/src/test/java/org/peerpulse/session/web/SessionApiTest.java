package org.peerpulse.session.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peerpulse.session.web.SessionApi.JSON;
import static org.peerpulse.session.web.SessionApi.PARTICIPANT_REF;
import static org.peerpulse.session.web.SessionApi.RECENTLY;
import static org.peerpulse.session.web.SessionApi.lead;
import static org.peerpulse.session.web.SessionApi.peer;
import static org.peerpulse.session.web.SessionApi.validBody;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.peerpulse.contracts.Activity;
import org.peerpulse.contracts.Channel;
import org.peerpulse.contracts.EventTypes;
import org.peerpulse.contracts.FocusArea;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.GoldenSamples;
import org.peerpulse.contracts.InvitationTokens;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.Topics;
import org.peerpulse.platform.messaging.CloudEvents;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.testsupport.ActuatorExposure;
import org.peerpulse.testsupport.TestBackends;
import org.peerpulse.testsupport.TestIssuer;
import org.peerpulse.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * The session API over real HTTP, with the real resource server, the real broker and the store: what a
 * specialist gets back, what goes on the topic, and that rejected input leaves nothing behind.
 */
@SessionServiceTest
class SessionApiTest {

    /** Put into bad values: no answer may repeat it. */
    private static final String MARKER = "S3CR3T";
    /** Agencies of the bad-input cases and how many records each may have published (its one valid session). */
    private static final Map<String, Integer> BAD_INPUT_AGENCIES = new ConcurrentHashMap<>();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private final TestIssuer issuer = TestIssuer.shared();
    private final EventCodec codec = new EventCodec();
    private SessionApi api;

    @BeforeEach
    void client() {
        api = new SessionApi(port);
    }

    @Test
    void aLoggedSessionAnswersWithItsFeedbackLinkAndQrCodeAndIsPublishedOnceWithoutPrivateData() throws Exception {
        String agency = "harbor-" + System.nanoTime();
        ResponseEntity<JsonNode> answer = api.staff(agency).post(peer(agency), validBody(),
                MediaType.APPLICATION_JSON);

        assertThat(answer.getStatusCode().value()).isEqualTo(201);
        assertThat(answer.getHeaders().getCacheControl()).contains("no-store");
        JsonNode body = answer.getBody();
        String sessionId = body.get("sessionId").asString();
        String token = body.get("feedback").get("token").asString();
        String url = body.get("feedback").get("url").asString();
        assertThat(answer.getHeaders().getLocation()).hasPath("/api/v1/sessions/" + sessionId);
        assertThat(token).matches("[A-Za-z0-9_-]{51}");
        assertThat(url).isEqualTo("http://127.0.0.1:8082/f/" + token);
        assertThat(Instant.parse(body.get("feedback").get("expiresAt").asString()))
                .isCloseTo(Instant.now().plus(Duration.ofDays(7)), within(Duration.ofMinutes(1)));
        String qrCode = body.get("feedback").get("qrCode").asString();
        assertThat(qrCode).startsWith("data:image/png;base64,");
        assertThat(decodeQr(qrCode)).isEqualTo(url);

        List<ConsumerRecord<String, String>> published = TopicProbe.awaitRecords(
                TestBackends.kafkaBootstrapServers(), Topics.SESSIONS, record -> agency.equals(record.key()), 1);
        ConsumerRecord<String, String> record = published.get(0);
        assertThat(CloudEvents.header(record.headers(), CloudEvents.TYPE)).contains(EventTypes.SESSION_LOGGED);
        assertThat(CloudEvents.header(record.headers(), CloudEvents.SOURCE)).contains("/session-service");
        assertThat(CloudEvents.header(record.headers(), CloudEvents.CONTENT_TYPE)).contains("application/json");
        SessionLogged event = codec.read(record.value(), SessionLogged.class);
        assertThat(CloudEvents.header(record.headers(), CloudEvents.ID)).contains(event.eventId().toString());
        SessionLogged.InvitationIssued invitation = new SessionLogged.InvitationIssued(InvitationTokens.hashOf(token),
                Instant.parse(body.get("feedback").get("expiresAt").asString()));
        assertThat(event).isEqualTo(new SessionLogged(event.eventId(), event.occurredAt(), agency, sessionId,
                "warmline", "sp-rivera", Instant.parse(RECENTLY), 45, Channel.PHONE, Activity.PEER_SUPPORT,
                List.of(FocusArea.RECOVERY_GOALS), true, List.of("KINDNESS"), Frameworks.PEER_CORE_V1.ref(),
                invitation, List.of(invitation)));
        // One attendee unless told: the one link is the first and only one of the group's links too.
        assertThat(body.get("feedbackLinks")).hasSize(1);
        assertThat(body.get("feedbackLinks").get(0)).isEqualTo(body.get("feedback"));
        assertThat(record.value()).doesNotContain(token).doesNotContain(PARTICIPANT_REF);
        assertThat(fieldNames(record.value())).isEqualTo(fieldNames(GoldenSamples.json(SessionLogged.class)));

        // The pseudonym and the strength tags are the agency's data: kept in its store, never on the topic.
        Document stored = mongo.findOne(Query.query(Criteria.where("_id").is(sessionId)), Document.class, "sessions");
        String pseudonym = stored.getString("participantPseudonym");
        assertThat(pseudonym).matches("[0-9a-f]{64}");
        assertThat(stored.getList("strengthsNoted", String.class)).containsExactly("humor");
        assertThat(record.value()).doesNotContain(pseudonym).doesNotContain("humor")
                .doesNotContain("participantPseudonym").doesNotContain("strengthsNoted");

        ResponseEntity<JsonNode> read = api.get(lead(agency), "/api/v1/sessions/" + sessionId);
        assertThat(read.getStatusCode().value()).isEqualTo(200);
        assertThat(read.getBody().get("programId").asString()).isEqualTo("warmline");
        assertThat(read.getBody().get("specialistId").asString()).isEqualTo("sp-rivera");
        assertThat(read.getBody().get("attendees").asInt()).isEqualTo(1);
        assertThat(read.getBody().get("voided").asBoolean()).isFalse();
        assertThat(read.getBody().toString()).doesNotContain(token).doesNotContain(PARTICIPANT_REF)
                .doesNotContain(pseudonym).doesNotContain(event.invitation().tokenHash());
        String all = mongo.getCollection("sessions").find().into(new ArrayList<>()).toString();
        assertThat(all).doesNotContain(token).doesNotContain(PARTICIPANT_REF).doesNotContain("data:image");
    }

    @Test
    void noPublishedSessionLoggedCarriesAPseudonymOrAStrengthTag() {
        String agency = "tags-" + System.nanoTime();
        api.staff(agency);
        String tagged = api.logged(peer(agency), validBody().replace("[\"humor\"]",
                "[\"humor\", \"named their own goals\"]"));
        String untagged = api.logged(peer(agency), validBody().replace("[\"humor\"]", "[]"));

        List<ConsumerRecord<String, String>> published = TopicProbe.awaitRecords(
                TestBackends.kafkaBootstrapServers(), Topics.SESSIONS, record -> agency.equals(record.key()), 2);

        List<Document> stored = mongo.find(Query.query(Criteria.where("agencyId").is(agency)), Document.class,
                "sessions");
        assertThat(stored).hasSize(2);
        for (Document session : stored) {
            String pseudonym = session.getString("participantPseudonym");
            assertThat(pseudonym).isNotBlank();
            for (ConsumerRecord<String, String> record : published) {
                assertThat(record.value()).doesNotContain(pseudonym).doesNotContain("participantPseudonym")
                        .doesNotContain("strengthsNoted");
                for (String tag : session.getList("strengthsNoted", String.class)) {
                    assertThat(record.value()).doesNotContain(tag);
                }
            }
        }
        Map<String, Boolean> acknowledged = published.stream().map(r -> codec.read(r.value(), SessionLogged.class))
                .collect(Collectors.toMap(SessionLogged::sessionId, SessionLogged::strengthsAcknowledged));
        assertThat(acknowledged).isEqualTo(Map.of(tagged, true, untagged, false));
    }

    @Test
    void anotherAgencysSessionIsNotFound() {
        String agency = "harbor-" + System.nanoTime();
        String sessionId = api.staff(agency).logged(peer(agency), validBody());

        ResponseEntity<JsonNode> foreign = api.get(issuer.token("sunrise", "quality_lead"),
                "/api/v1/sessions/" + sessionId);

        assertThat(foreign.getStatusCode().value()).isEqualTo(404);
        assertThat(foreign.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        // The path is not echoed back as the problem's instance.
        assertThat(foreign.getBody().has("instance")).isFalse();
    }

    /**
     * One bad request each: method, path ({@code {session}} is replaced by a session the case's agency has
     * just logged), Idempotency-Key header or null, content type, body, the status expected and the fields
     * the problem must name.
     */
    static Stream<Arguments> badInputs() {
        String valid = validBody();
        String sessions = "/api/v1/sessions";
        String json = MediaType.APPLICATION_JSON_VALUE;
        String voidPath = "/api/v1/sessions/{session}/void";
        return Stream.of(
                bad("malformed JSON", "POST", sessions, null, json, "{\"programId\": \"warmline\", " + MARKER, 400),
                bad("missing field", "POST", sessions, null, json, valid.replace("\"programId\": \"warmline\",", ""),
                        400, "programId"),
                bad("bad id", "POST", sessions, null, json, valid.replace("\"sp-rivera\"", "\"sp rivera/" + MARKER + "\""),
                        400, "specialistId"),
                bad("id too long", "POST", sessions, null, json,
                        valid.replace("\"warmline\"", "\"" + MARKER + "x".repeat(60) + "\""), 400, "programId"),
                bad("too long", "POST", sessions, null, json,
                        valid.replace("\"durationMinutes\": 45", "\"durationMinutes\": 481"), 400, "durationMinutes"),
                bad("fractional minutes", "POST", sessions, null, json,
                        valid.replace("\"durationMinutes\": 45", "\"durationMinutes\": 45.5"), 400, "durationMinutes"),
                bad("zero minutes", "POST", sessions, null, json,
                        valid.replace("\"durationMinutes\": 45", "\"durationMinutes\": 0"), 400, "durationMinutes"),
                bad("minutes as text", "POST", sessions, null, json,
                        valid.replace("\"durationMinutes\": 45", "\"durationMinutes\": \"" + MARKER + "\""), 400,
                        "durationMinutes"),
                bad("future", "POST", sessions, null, json,
                        valid.replace(RECENTLY, Instant.now().plus(Duration.ofHours(2)).toString()), 400, "occurredAt"),
                bad("too old", "POST", sessions, null, json,
                        valid.replace(RECENTLY, Instant.now().minus(Duration.ofDays(120)).toString()), 400,
                        "occurredAt"),
                bad("not a date", "POST", sessions, null, json, valid.replace(RECENTLY, "yesterday-" + MARKER), 400,
                        "occurredAt"),
                bad("unknown channel", "POST", sessions, null, json,
                        valid.replace("\"PHONE\"", "\"PIGEON_" + MARKER + "\""), 400, "channel"),
                bad("unknown activity", "POST", sessions, null, json,
                        valid.replace("\"PEER_SUPPORT\"", "\"GOSSIP_" + MARKER + "\""), 400, "activity"),
                bad("unknown focus area", "POST", sessions, null, json,
                        valid.replace("\"RECOVERY_GOALS\"", "\"WEATHER_" + MARKER + "\""), 400, "focusAreas[0]"),
                bad("unknown field", "POST", sessions, null, json, valid.replace("{", "{\"agencyId\": \"sunrise\","),
                        400, "agencyId"),
                bad("a field twice", "POST", sessions, null, json,
                        valid.replace("{", "{\"programId\": \"other-" + MARKER + "\","), 400),
                bad("unknown value", "POST", sessions, null, json,
                        valid.replace("\"KINDNESS\"", "\"SAFE_ATMOSPHERE\""), 400, "valuesPracticed"),
                bad("long strength", "POST", sessions, null, json,
                        valid.replace("\"humor\"", "\"" + MARKER + "x".repeat(41) + "\""), 400, "strengthsNoted[0]"),
                bad("too many strengths", "POST", sessions, null, json, valid.replace("[\"humor\"]",
                        Stream.generate(() -> "\"humor\"").limit(21).collect(Collectors.joining(",", "[", "]"))),
                        400, "strengthsNoted"),
                bad("blank participant", "POST", sessions, null, json,
                        valid.replace("\"" + PARTICIPANT_REF + "\"", "\"  \""), 400, "participantRef"),
                bad("body too large", "POST", sessions, null, json,
                        valid.replace("\"humor\"", "\"" + MARKER + "x".repeat(70_000) + "\""), 413),
                bad("wrong content type", "POST", sessions, null, MediaType.TEXT_PLAIN_VALUE, valid, 415),
                bad("no attendees", "POST", sessions, null, json, SessionApi.groupBody(0), 400, "attendees"),
                bad("too many attendees", "POST", sessions, null, json, SessionApi.groupBody(31), 400, "attendees"),
                bad("attendees as text", "POST", sessions, null, json,
                        valid.replace("{", "{\"attendees\": \"" + MARKER + "\", "), 400, "attendees"),
                bad("reissue of a malformed id", "POST", "/api/v1/sessions/" + MARKER + "x".repeat(64) + "/invitations",
                        null, null, null, 400, "sessionId"),
                bad("Idempotency-Key too long", "POST", sessions, MARKER + "k".repeat(128), json, valid, 400,
                        "Idempotency-Key"),
                bad("Idempotency-Key blank", "POST", sessions, "   ", json, valid, 400, "Idempotency-Key"),
                bad("void without reason", "POST", voidPath, null, json, "{}", 400, "reason"),
                bad("void with a blank reason", "POST", voidPath, null, json, "{\"reason\": \"   \"}", 400, "reason"),
                bad("void reason too long", "POST", voidPath, null, json,
                        "{\"reason\": \"" + MARKER + "x".repeat(500) + "\"}", 400, "reason"),
                bad("void of a malformed id", "POST", "/api/v1/sessions/" + MARKER + "x".repeat(64) + "/void", null,
                        json, "{\"reason\": \"duplicate\"}", 400, "sessionId"),
                bad("list size 0", "GET", sessions + "?size=0", null, null, null, 400, "size"),
                bad("list size 101", "GET", sessions + "?size=101", null, null, null, 400, "size"),
                bad("list page -1", "GET", sessions + "?page=-1", null, null, null, 400, "page"),
                bad("list page not a number", "GET", sessions + "?page=" + MARKER, null, null, null, 400, "page"),
                bad("list from not a date", "GET", sessions + "?from=2026-13-01" + MARKER, null, null, null, 400,
                        "from"),
                bad("list to before from", "GET", sessions + "?from=2026-11-20&to=2026-11-19", null, null, null, 400,
                        "to"),
                bad("list bad program id", "GET", sessions + "?programId=bad%20" + MARKER, null, null, null, 400,
                        "programId"));
    }

    private static Arguments bad(String name, String method, String path, String idempotencyKey, String contentType,
            String body, int status, String... fields) {
        return Arguments.of(name, method, path, idempotencyKey, contentType, body, status, List.of(fields));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsAProblemThatNamesTheFieldAndLeavesNothingBehind(String name, String method, String path,
            String idempotencyKey, String contentType, String body, int status, List<String> fields) {
        String agency = "bad-input-" + System.nanoTime();
        // The directory holds the program and the specialist: each answer is about the input, not about them.
        api.staff(agency);
        boolean voiding = path.contains("{session}");
        String sessionId = voiding ? api.logged(peer(agency), validBody()) : null;
        BAD_INPUT_AGENCIES.put(agency, voiding ? 1 : 0);

        ResponseEntity<JsonNode> answer = api.exchange(HttpMethod.valueOf(method),
                voiding ? path.replace("{session}", sessionId) : path, issuer.token(agency, "quality_lead", "specialist"),
                idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey), body,
                contentType == null ? null : MediaType.parseMediaType(contentType));

        assertThat(answer.getStatusCode().value()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().get("status").asInt()).isEqualTo(status);
        assertThat(answer.getBody().get("detail").asString()).isNotBlank();
        assertThat(answer.getBody().toString()).doesNotContain(MARKER).doesNotContain(PARTICIPANT_REF);
        if (!fields.isEmpty()) {
            assertThat(answer.getBody().get("errors").findValuesAsString("field")).containsAll(fields);
        }
        List<Document> stored = mongo.find(Query.query(Criteria.where("agencyId").is(agency)), Document.class,
                "sessions");
        if (voiding) {
            assertThat(stored).singleElement().satisfies(session -> {
                assertThat(session.get("voidedAt")).isNull();
                assertThat(session.get("voidReason")).isNull();
            });
        } else {
            assertThat(stored).isEmpty();
        }
    }

    /** Whatever a rejected request might have stored would have been published by now; none of it was. */
    @AfterAll
    static void noBadInputWasPublished() {
        Map<String, Long> published = TopicProbe.readAll(TestBackends.kafkaBootstrapServers(), Topics.SESSIONS,
                        Duration.ofMillis(500)).stream()
                .filter(record -> BAD_INPUT_AGENCIES.containsKey(record.key()))
                .peek(record -> assertThat(CloudEvents.header(record.headers(), CloudEvents.TYPE))
                        .contains(EventTypes.SESSION_LOGGED))
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        BAD_INPUT_AGENCIES.forEach((agency, allowed) ->
                assertThat(published.getOrDefault(agency, 0L)).as(agency).isEqualTo(allowed.longValue()));
    }

    @Test
    void aBodyOfUnknownLengthOverTheLimitIsRefusedToo() throws Exception {
        String agency = "bad-input-" + System.nanoTime();
        BAD_INPUT_AGENCIES.put(agency, 0);
        byte[] large = validBody().replace("\"humor\"", "\"" + "x".repeat(70_000) + "\"").getBytes();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/sessions"))
                .header("Authorization", "Bearer " + peer(agency))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large)))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(mongo.count(Query.query(Criteria.where("agencyId").is(agency)), "sessions")).isZero();
    }

    @Test
    void aBodyJustUnderTheLimitIsReadAndJudgedOnItsFields() {
        String agency = "bad-input-" + System.nanoTime();
        BAD_INPUT_AGENCIES.put(agency, 0);
        String padded = validBody().replace("\"humor\"", "\"" + "x".repeat(60_000) + "\"");

        ResponseEntity<JsonNode> answer = api.post(peer(agency), padded,
                MediaType.APPLICATION_JSON);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().get("errors").findValuesAsString("field")).contains("strengthsNoted[0]");
    }

    @Test
    void callersWithoutAValidTokenOrTheRightRoleAreTurnedAway() {
        String body = validBody();
        MediaType json = MediaType.APPLICATION_JSON;
        assertThat(api.post(null, body, json).getStatusCode().value()).isEqualTo(401);
        assertThat(api.post(issuer.tokenSignedByAnotherKey("harbor", "specialist"), body, json).getStatusCode().value())
                .isEqualTo(401);
        assertThat(api.post(issuer.token(Map.of("agency", "harbor", "roles", List.of("specialist")),
                Duration.ofMinutes(-5)), body, json).getStatusCode().value()).isEqualTo(401);
        String ops = "ops-" + System.nanoTime();
        BAD_INPUT_AGENCIES.put(ops, 0);
        ResponseEntity<JsonNode> forbidden = api.post(issuer.token(ops, "ops"), body, json);
        assertThat(forbidden.getStatusCode().value()).isEqualTo(403);
        assertThat(forbidden.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.get(issuer.token(ops, "ops"), "/api/v1/sessions").getStatusCode().value()).isEqualTo(403);
        ResponseEntity<JsonNode> noAgency = api.post(issuer.token(Map.of("roles", List.of("specialist")),
                Duration.ofMinutes(5)), body, json);
        assertThat(noAgency.getStatusCode().value()).isEqualTo(403);
        assertThat(mongo.count(Query.query(Criteria.where("agencyId").is(ops)), "sessions")).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.peerpulse.testsupport.ActuatorExposure#expectations")
    void theActuatorShowsOnlyHealthInfoAndTheScrape(ActuatorExposure.Call call) {
        assertThat(call.statusFrom(port)).isEqualTo(call.status());
    }

    /**
     * Reads the link back out of the QR code. The image is exactly the generated code with its quiet zone, so it is
     * read as a pure barcode: zxing's finder-pattern search for camera photos misses about 1 in 100 of these
     * perfect images (measured over 2,000 random links; none missed as a pure barcode).
     */
    static String decodeQr(String dataUri) throws Exception {
        byte[] png = Base64.getDecoder().decode(dataUri.substring("data:image/png;base64,".length()));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }

    private static Set<String> fieldNames(String json) {
        return JSON.readTree(json).propertyStream().map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private static org.assertj.core.data.TemporalUnitOffset within(Duration duration) {
        return new org.assertj.core.data.TemporalUnitWithinOffset(duration.toSeconds(), ChronoUnit.SECONDS);
    }
}
