package org.peerpulse.feedback.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.peerpulse.contracts.InvitationTokens;
import org.peerpulse.contracts.Activity;
import org.peerpulse.contracts.Channel;
import org.peerpulse.contracts.EventIds;
import org.peerpulse.contracts.EventTypes;
import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.contracts.FocusArea;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.GoldenSamples;
import org.peerpulse.contracts.PeerPulseEvent;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.SessionVoided;
import org.peerpulse.contracts.Topics;
import org.peerpulse.feedback.config.InvitationExpirySweep;
import org.peerpulse.platform.messaging.CloudEvents;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.platform.messaging.EventRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.peerpulse.testsupport.ActuatorExposure;
import org.peerpulse.testsupport.PeerPulseIntegrationTest;
import org.peerpulse.testsupport.PrometheusScrape;
import org.peerpulse.testsupport.TestBackends;
import org.peerpulse.testsupport.TestIssuer;
import org.peerpulse.testsupport.TopicProbe;
import org.peerpulse.feedback.domain.ValueRotation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole path on the real broker and the embedded store: a SessionLogged teaches an invitation, the
 * participant redeems it over real HTTP without logging in, and FeedbackSubmitted leaves through the
 * outbox. Each test uses its own session and token, so they share one running service.
 */
@PeerPulseIntegrationTest(properties = {"peerpulse.outbox.poll-interval=50ms",
        "peerpulse.feedback.token-attempts-per-minute=100000"})
class FeedbackFlowIntegrationTest {

    private static final String AGENCY = "harbor";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Longer than several outbox polls: anything (wrongly) still on its way would arrive in it. */
    private static final Duration QUIET = Duration.ofMillis(500);

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EventCodec codec;
    @LocalServerPort
    int port;

    @Autowired
    InvitationExpirySweep expirySweep;

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.peerpulse.testsupport.ActuatorExposure#expectations")
    void theActuatorShowsOnlyHealthInfoAndTheScrape(ActuatorExposure.Call call) {
        assertThat(call.statusFrom(port)).isEqualTo(call.status());
    }

    @Test
    void aLoggedSessionsInvitationIsRedeemedOnceAndItsFactPublished() throws Exception {
        String token = newToken();
        SessionLogged logged = sessionLogged(token, Instant.now().plus(7, ChronoUnit.DAYS));
        publish(logged);
        awaitInvitation(token);

        HttpResponse<String> created = postFeedback(body(token, """
                "ratings": {"KINDNESS": 5, "EMPATHY": 4, "SAFE_ATMOSPHERE": 5},
                "hope": 4, "harm": {"reported": true, "text": "raised voice"},
                "comment": "thank you for listening", "language": "es", "mode": "KIOSK\""""));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(created.body())).isEqualTo(JSON.readTree("{\"received\": true}"));

        ConsumerRecord<String, String> record = awaitOneFactFor(logged.sessionId());
        assertThat(record.key()).isEqualTo(AGENCY);
        assertThat(CloudEvents.header(record.headers(), CloudEvents.TYPE)).contains(EventTypes.FEEDBACK_SUBMITTED);
        FeedbackSubmitted submitted = codec.read(record.value(), FeedbackSubmitted.class);
        assertThat(CloudEvents.header(record.headers(), CloudEvents.ID)).contains(submitted.eventId().toString());
        assertThat(submitted).isEqualTo(new FeedbackSubmitted(submitted.eventId(), submitted.occurredAt(), AGENCY,
                logged.sessionId(), "warmline", "sp-rivera", logged.sessionAt(), Frameworks.PEER_CORE_V1.ref(),
                Map.of("KINDNESS", 5, "EMPATHY", 4, "SAFE_ATMOSPHERE", 5), 4, true, "es", "KIOSK",
                List.of("EMPATHY"), ValueRotation.everyItem(Frameworks.PEER_CORE_V1)));
        assertThat(fieldNames(record.value())).isEqualTo(fieldNames(GoldenSamples.json(FeedbackSubmitted.class)));
        assertThat(record.value()).doesNotContain(token).doesNotContain(sha256(token))
                .doesNotContain("thank you for listening").doesNotContain("raised voice");

        Document stored = invitation(token);
        assertThat(stored.get("answers", Document.class).getString("comment")).isEqualTo("thank you for listening");
        await().atMost(WAIT).until(() -> !invitation(token).getBoolean("outboxPending"));

        HttpResponse<String> again = postFeedback(body(token, "\"harm\": {\"reported\": false}"));
        assertProblem(again, 409);
        assertThat(again.body()).doesNotContain(token);
    }

    /** Words that must never come back in an answer: they stand for the participant's own. */
    private static final String SECRET = "my-private-words";

    /**
     * Bad inputs, one row each: the body (with {@code TOKEN} for the invitation's token), the content type,
     * the status and the field the problem must name ({@code null}: none).
     */
    static Stream<Arguments> badInputs() {
        String harmNo = "\"harm\": {\"reported\": false}";
        return Stream.of(
                row("not JSON", "{\"token\": \"TOKEN\", \"harm\": {\"reported\": fal", 400, null),
                row("empty body", "", 400, null),
                row("unknown field", "{\"token\": \"TOKEN\", " + harmNo + ", \"participant\": \"" + SECRET + "\"}", 400,
                        "participant"),
                row("item not on the form", "{\"token\": \"TOKEN\", \"ratings\": {\"NOT_AN_ITEM\": 3}, " + harmNo + "}",
                        400, "ratings.NOT_AN_ITEM"),
                row("hope under ratings", "{\"token\": \"TOKEN\", \"ratings\": {\"HOPE\": 3}, " + harmNo + "}", 400,
                        "ratings.HOPE"),
                row("rating above 5", "{\"token\": \"TOKEN\", \"ratings\": {\"KINDNESS\": 6}, " + harmNo + "}", 400,
                        "ratings.KINDNESS"),
                row("rating below 1", "{\"token\": \"TOKEN\", \"ratings\": {\"KINDNESS\": 0}, " + harmNo + "}", 400,
                        "ratings.KINDNESS"),
                row("fractional rating", "{\"token\": \"TOKEN\", \"ratings\": {\"KINDNESS\": 4.5}, " + harmNo + "}",
                        400, "ratings.KINDNESS"),
                row("rating as text", "{\"token\": \"TOKEN\", \"ratings\": {\"KINDNESS\": \"" + SECRET + "\"}, "
                        + harmNo + "}", 400, "ratings.KINDNESS"),
                row("ratings not an object", "{\"token\": \"TOKEN\", \"ratings\": [5], " + harmNo + "}", 400, "ratings"),
                row("hope above 5", "{\"token\": \"TOKEN\", \"hope\": 6, " + harmNo + "}", 400, "hope"),
                row("hope as text", "{\"token\": \"TOKEN\", \"hope\": \"" + SECRET + "\", " + harmNo + "}", 400, "hope"),
                row("what happened without an answer", "{\"token\": \"TOKEN\", \"harm\": {\"text\": \"" + SECRET
                        + "\"}}", 400, "harm.text"),
                row("what happened with a no", "{\"token\": \"TOKEN\", \"harm\": {\"reported\": false, \"text\": \""
                        + SECRET + "\"}}", 400, "harm.text"),
                row("harm answer not yes or no", "{\"token\": \"TOKEN\", \"harm\": {\"reported\": \"" + SECRET + "\"}}",
                        400, "harm.reported"),
                row("harm text too long", "{\"token\": \"TOKEN\", \"harm\": {\"reported\": true, \"text\": \""
                        + SECRET.repeat(63) + "\"}}", 400, "harm.text"),
                row("comment too long", "{\"token\": \"TOKEN\", " + harmNo + ", \"comment\": \"" + SECRET.repeat(63)
                        + "\"}", 400, "comment"),
                row("language the form does not speak", "{\"token\": \"TOKEN\", " + harmNo + ", \"language\": \"fr\"}",
                        400, "language"),
                row("unknown mode", "{\"token\": \"TOKEN\", " + harmNo + ", \"mode\": \"" + SECRET + "\"}", 400, "mode"),
                row("token malformed", "{\"token\": \"" + SECRET + "\", " + harmNo + "}", 400, "token"),
                row("token missing", "{" + harmNo + "}", 400, "token"),
                row("token not a string", "{\"token\": 12345, " + harmNo + "}", 400, "token"),
                Arguments.of("not JSON at all", "text/plain", "token=TOKEN&comment=" + SECRET, 415, null));
    }

    private static Arguments row(String name, String body, int status, String field) {
        return Arguments.of(name, "application/json", body, status, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsRefusedNamingTheFieldAndStoresAndPublishesNothing(String name, String contentType, String body,
            int status, String field) throws Exception {
        String token = newToken();
        SessionLogged logged = sessionLogged(token, Instant.now().plus(7, ChronoUnit.DAYS));
        publish(logged);
        awaitInvitation(token);

        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/feedback")).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body.replace("TOKEN", token))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertProblem(refused, status);
        assertThat(refused.body()).doesNotContain(token).doesNotContain(SECRET).doesNotContain("12345");
        JsonNode errors = JSON.readTree(refused.body()).get("errors");
        if (field == null) {
            assertThat(errors).isNull();
        } else {
            assertThat(errors.valueStream().map(error -> error.get("field").asString()).toList())
                    .as(refused.body()).contains(field);
        }
        Document untouched = invitation(token);
        assertThat(untouched.get("redeemedAt")).isNull();
        assertThat(untouched.get("answers")).isNull();
        assertThat(untouched.getList("outbox", Document.class)).isEmpty();
        assertThat(untouched.getBoolean("outboxPending")).isFalse();

        // Then a valid answer: its fact must be the first, and only, one for this session (same key, same
        // partition, so anything the bad input had published would come before it).
        assertThat(postFeedback(body(token, "\"hope\": 3, \"harm\": {\"reported\": false}")).statusCode()).isEqualTo(201);
        ConsumerRecord<String, String> first = TopicProbe.awaitRecord(TestBackends.kafkaBootstrapServers(),
                Topics.FEEDBACK, factOf(logged.sessionId()));
        assertThat(codec.read(first.value(), FeedbackSubmitted.class).hope()).isEqualTo(3);
        assertThat(first.value()).doesNotContain(SECRET);
    }

    /** The do-no-harm question may be skipped, left out or answered with no "reported": no harm report. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"hope\": 4", "\"hope\": 4, \"harm\": {}", "\"hope\": 4, \"harm\": {\"reported\": null}",
            "\"hope\": 4, \"harm\": null"})
    void aSkippedDoNoHarmQuestionIsAcceptedAndIsNoHarmReport(String answers) throws Exception {
        String token = newToken();
        SessionLogged logged = sessionLogged(token, Instant.now().plus(7, ChronoUnit.DAYS));
        publish(logged);
        awaitInvitation(token);

        assertThat(postFeedback(body(token, answers)).statusCode()).isEqualTo(201);

        FeedbackSubmitted submitted = codec.read(awaitOneFactFor(logged.sessionId()).value(), FeedbackSubmitted.class);
        assertThat(submitted.harmReported()).isFalse();
        assertThat(submitted.hope()).isEqualTo(4);
        assertThat(invitation(token).get("answers", Document.class).getBoolean("harmReported")).isFalse();
    }

    @Test
    void anAnswerThatArrivesBeforeItsInvitationIsAskedToRetryAndThenAccepted() throws Exception {
        String token = newToken();

        HttpResponse<String> early = postFeedback(body(token, "\"hope\": 5, \"harm\": {\"reported\": false}"));

        assertProblem(early, 503);
        assertThat(early.headers().firstValue("Retry-After")).contains("2");
        assertThat(early.body()).doesNotContain(token);
        assertThat(invitationOrNull(token)).isNull();

        SessionLogged logged = sessionLogged(token, Instant.now().plus(7, ChronoUnit.DAYS));
        publish(logged);
        awaitInvitation(token);
        assertThat(postFeedback(body(token, "\"hope\": 5, \"harm\": {\"reported\": false}")).statusCode())
                .isEqualTo(201);
        assertThat(codec.read(awaitOneFactFor(logged.sessionId()).value(), FeedbackSubmitted.class).hope())
                .isEqualTo(5);
    }

    @Test
    void unknownTokensIssuedLongAgoOrInTheFutureAreNotFound() throws Exception {
        for (Instant issued : new Instant[] {Instant.now().minus(11, ChronoUnit.MINUTES),
                Instant.now().plus(5, ChronoUnit.MINUTES)}) {
            HttpResponse<String> response = postFeedback(body(InvitationTokens.issue(issued),
                    "\"harm\": {\"reported\": false}"));
            assertProblem(response, 404);
            assertThat(response.headers().firstValue("Retry-After")).isEmpty();
        }
    }

    /**
     * Comments given now fall in the month that has not ended, which is withheld however many it holds (released
     * months: CommentsFlowIntegrationTest, which can move the service's clock).
     */
    @Test
    void qualityLeadsReadOnlyTheirAgencysCommentsAndNoneOfAMonthNotYetEnded() throws Exception {
        String program = "comments-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String path = "/api/v1/comments?programId=" + program + "&from=" + today + "&to=" + today;
        String lead = TestIssuer.shared().token(AGENCY, "quality_lead");
        for (int i = 0; i < 8; i++) {
            String token = newToken();
            publish(sessionLogged(token, Instant.now().plus(7, ChronoUnit.DAYS), program));
            awaitInvitation(token);
            assertThat(postFeedback(body(token, "\"harm\": {\"reported\": false}, \"comment\": \"note "
                    + (char) ('h' - i) + "\"")).statusCode()).isEqualTo(201);
        }

        HttpResponse<String> eight = getWithToken(path, lead);
        assertThat(eight.statusCode()).isEqualTo(200);
        assertThat(eight.headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("no-store"));
        JsonNode answer = JSON.readTree(eight.body());
        assertThat(answer.get("minimum").asInt()).isEqualTo(8);
        assertThat(answer.get("periods")).singleElement().satisfies(period -> {
            assertThat(period.get("period").asString()).isEqualTo(YearMonth.from(today).toString());
            assertThat(period.get("released").asBoolean()).isFalse();
            assertThat(period.get("withheld").asString()).isEqualTo("NOT_YET_ENDED");
            assertThat(period.get("comments")).isEmpty();
        });
        assertThat(eight.body()).doesNotContain("note a");

        assertThat(getWithToken(path, TestIssuer.shared().token("sunrise", "quality_lead")).body())
                .doesNotContain("note a");
        assertProblem(getWithToken(path, TestIssuer.shared().token(AGENCY, "specialist")), 403);
        assertProblem(get(path), 401);
        assertProblem(getWithToken(path.replace("to=" + today, "to=" + today.minusDays(1)), lead), 400);
        assertProblem(getWithToken(path.replace("from=" + today, "from=yesterday"), lead), 400);
        assertProblem(getWithToken(path.replace(program, "not%20a%20program%21"), lead), 400);
    }

    @Test
    void unknownExpiredAndVoidedTokensAreRefused() throws Exception {
        assertProblem(postFeedback(body(InvitationTokens.issue(Instant.now().minus(1, ChronoUnit.DAYS)),
                "\"harm\": {\"reported\": false}")), 404);

        String expired = newToken();
        publish(sessionLogged(expired, Instant.now().minus(1, ChronoUnit.MINUTES)));
        awaitInvitation(expired);
        assertProblem(postFeedback(body(expired, "\"harm\": {\"reported\": false}")), 410);

        String voidedToken = newToken();
        SessionLogged logged = sessionLogged(voidedToken, Instant.now().plus(7, ChronoUnit.DAYS));
        publish(logged);
        publish(new SessionVoided(EventIds.newId(), Instant.now(), AGENCY, logged.sessionId(), logged.programId(),
                logged.specialistId(), logged.sessionAt(), logged.contribution()));
        await().atMost(WAIT).until(() -> invitationOrNull(voidedToken) != null
                && invitationOrNull(voidedToken).getBoolean("voided"));
        assertProblem(postFeedback(body(voidedToken, "\"harm\": {\"reported\": false}")), 410);
    }

    @Test
    void aRedeliveredSessionLoggedChangesNothing() throws Exception {
        String token = newToken();
        SessionLogged logged = sessionLogged(token, Instant.now().plus(7, ChronoUnit.DAYS));
        publish(logged);
        awaitInvitation(token);
        assertThat(postFeedback(body(token, "\"harm\": {\"reported\": false}")).statusCode()).isEqualTo(201);
        Object redeemedAt = invitation(token).get("redeemedAt");

        // The same event again, then a marker after it on the same partition: once the marker is learned,
        // the redelivery has been handled.
        publish(logged);
        String marker = newToken();
        publish(sessionLogged(marker, Instant.now().plus(7, ChronoUnit.DAYS)));
        awaitInvitation(marker);

        assertThat(invitation(token).get("redeemedAt")).isEqualTo(redeemedAt);
        assertProblem(postFeedback(body(token, "\"harm\": {\"reported\": false}")), 409);
    }

    @Test
    void ofParallelSubmissionsOfOneTokenExactlyOneWins() throws Exception {
        String token = newToken();
        SessionLogged logged = sessionLogged(token, Instant.now().plus(7, ChronoUnit.DAYS));
        publish(logged);
        awaitInvitation(token);

        List<CompletableFuture<HttpResponse<String>>> answers = IntStream.range(0, 10)
                .mapToObj(i -> http.sendAsync(feedbackRequest(body(token,
                        "\"ratings\": {\"KINDNESS\": " + (i % 5 + 1) + "}, \"harm\": {\"reported\": false}")),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();
        List<Integer> statuses = answers.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();

        assertThat(statuses).containsOnly(201, 409).filteredOn(status -> status == 201).hasSize(1);
        awaitOneFactFor(logged.sessionId());
        assertThat(invitation(token).getList("outbox", Document.class)).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void theMetersCountStoredFeedbackAndEachExpiryOnceAndNoTagCarriesAnId() throws Exception {
        String submitted = "peerpulse_feedback_submitted_total";
        String expired = "peerpulse_invitations_expired_total";
        // Whatever earlier tests left to expire is counted before the baseline.
        expirySweep.sweep();
        PrometheusScrape before = PrometheusScrape.of(port);
        String kiosk = newToken();
        String own = newToken();
        String expiring = newToken();
        SessionLogged kioskSession = sessionLogged(kiosk, Instant.now().plus(7, ChronoUnit.DAYS));
        SessionLogged ownSession = sessionLogged(own, Instant.now().plus(7, ChronoUnit.DAYS));
        SessionLogged expiringSession = sessionLogged(expiring, Instant.now().plusSeconds(1));
        for (SessionLogged logged : List.of(kioskSession, ownSession, expiringSession)) {
            publish(logged);
        }
        awaitInvitation(kiosk);
        awaitInvitation(own);
        awaitInvitation(expiring);

        assertThat(get("/f/" + kiosk).statusCode()).isEqualTo(200);
        assertThat(postFeedback(body(kiosk, "\"hope\": 4, \"harm\": {\"reported\": false}, \"language\": \"es\", "
                + "\"mode\": \"KIOSK\"")).statusCode()).isEqualTo(201);
        assertProblem(postFeedback(body(kiosk, "\"harm\": {\"reported\": false}, \"mode\": \"KIOSK\"")), 409);
        assertProblem(postFeedback(body(own, "\"ratings\": {\"NOT_AN_ITEM\": 3}, \"harm\": {\"reported\": false}")),
                400);
        assertThat(postFeedback(body(own, "\"harm\": {\"reported\": false}")).statusCode()).isEqualTo(201);
        await().atMost(WAIT).until(() -> expirySweep.sweep() >= 0
                && PrometheusScrape.of(port).value(expired) - before.value(expired) == 1);
        expirySweep.sweep();

        PrometheusScrape after = PrometheusScrape.of(port);
        assertThat(after.value(submitted, "mode", "KIOSK", "language", "es")
                - before.value(submitted, "mode", "KIOSK", "language", "es")).isEqualTo(1);
        assertThat(after.value(submitted, "mode", "OWN_DEVICE", "language", "en")
                - before.value(submitted, "mode", "OWN_DEVICE", "language", "en")).isEqualTo(1);
        assertThat(after.value(submitted) - before.value(submitted)).isEqualTo(2);
        assertThat(after.value(expired) - before.value(expired)).isEqualTo(1);
        assertThat(after.labelValues(submitted, "language")).containsExactly("en", "es", "other");
        assertThat(after.labelValues(submitted, "mode")).containsExactly("KIOSK", "OWN_DEVICE");
        assertThat(after.labelValues("http_server_requests_seconds_count", "uri")).contains("/f/{token}",
                "/api/v1/feedback");
        assertThat(after.value("peerpulse_outbox_backlog", "collection", "invitations")).isNotNegative();
        // Kafka's consumer metrics are bound (the per-partition records_lag follows within Micrometer's one-minute
        // refresh of Kafka's metric list), and so are MongoDB's command timings.
        assertThat(after.has("kafka_consumer_fetch_manager_records_lag_max")).isTrue();
        assertThat(after.labelValues("spring_kafka_listener_seconds_count", "messaging_source_name"))
                .contains(Topics.SESSIONS);
        assertThat(after.labelValues("mongodb_driver_commands_seconds_count", "collection")).contains("invitations");
        List<String> used = new java.util.ArrayList<>(List.of(AGENCY, "warmline", "sp-rivera"));
        for (String token : List.of(kiosk, own, expiring)) {
            used.add(token);
            used.add(sha256(token));
        }
        for (SessionLogged logged : List.of(kioskSession, ownSession, expiringSession)) {
            used.add(logged.sessionId());
            used.add(logged.eventId().toString());
        }
        after.assertNoTagCarries(used);
    }

    @Test
    void anUnreadableSessionRecordIsDeadLetteredAndTheStreamGoesOn() throws Exception {
        PrometheusScrape before = PrometheusScrape.of(port);
        String eventId = UUID.randomUUID().toString();
        kafka.send(EventRecords.of(Topics.SESSIONS, AGENCY, eventId, EventTypes.SESSION_LOGGED, Instant.now(),
                "/test", "{\"not\": \"a session\"}")).get();
        String token = newToken();
        publish(sessionLogged(token, Instant.now().plus(7, ChronoUnit.DAYS)));

        awaitInvitation(token);
        ConsumerRecord<String, String> deadLetter = TopicProbe.awaitRecord(TestBackends.kafkaBootstrapServers(),
                Topics.deadLetter(Topics.SESSIONS),
                record -> CloudEvents.header(record.headers(), CloudEvents.ID).orElse("").equals(eventId));
        // It says which consumer gave up on it: metrics-service dead-letters session records to the same topic.
        assertThat(new String(deadLetter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP).value(),
                StandardCharsets.UTF_8)).isEqualTo("feedback-service");
        assertThat(TopicProbe.readAll(TestBackends.kafkaBootstrapServers(), Topics.deadLetter(Topics.SESSIONS), QUIET)
                .stream().filter(record -> CloudEvents.header(record.headers(), CloudEvents.ID).orElse("")
                        .equals(eventId))).hasSize(1);
        // Counted once the broker took the dead letter, which may be a moment after a reader sees it.
        await().atMost(WAIT).untilAsserted(() -> assertThat(PrometheusScrape.of(port).value(
                "peerpulse_deadletters_total", "topic", Topics.SESSIONS)
                - before.value("peerpulse_deadletters_total", "topic", Topics.SESSIONS)).isEqualTo(1));
    }

    @Test
    void theFrameworkIsPublicAndUnknownOnesAreNotFound() throws Exception {
        HttpResponse<String> framework = get("/api/v1/frameworks/peer-core-v1");

        assertThat(framework.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(framework.body());
        assertThat(body.get("id").asString()).isEqualTo("peer-core-v1");
        assertThat(body.get("version").asInt()).isEqualTo(1);
        assertThat(body.get("items")).hasSize(15);
        assertThat(body.get("items").get(0).get("question").get("es").asString()).isNotBlank();
        assertThat(body.get("scale").get("en").get("highest").asString()).isEqualTo("Very much");

        assertProblem(get("/api/v1/frameworks/nope"), 404);
    }

    private void publish(PeerPulseEvent event) throws Exception {
        kafka.send(EventRecords.of(Topics.SESSIONS, event.agencyId(), event.eventId().toString(),
                EventTypes.typeOf(event), event.occurredAt(), "/session-service", codec.write(event))).get();
    }

    private static SessionLogged sessionLogged(String token, Instant expiresAt) {
        return sessionLogged(token, expiresAt, "warmline");
    }

    /** A one-to-one session as session-service logs it: its one invitation is the first and only one. */
    private static SessionLogged sessionLogged(String token, Instant expiresAt, String programId) {
        SessionLogged.InvitationIssued invitation = new SessionLogged.InvitationIssued(sha256(token), expiresAt);
        return new SessionLogged(EventIds.newId(), Instant.now(), AGENCY, UUID.randomUUID().toString(), programId,
                "sp-rivera", Instant.parse("2026-11-20T14:30:00Z"), 45, Channel.PHONE, Activity.PEER_SUPPORT,
                List.of(FocusArea.RECOVERY_GOALS), true, List.of("EMPATHY"), Frameworks.PEER_CORE_V1.ref(),
                invitation, List.of(invitation));
    }

    /** Waits for the session's fact, then makes sure no second one follows. */
    private static ConsumerRecord<String, String> awaitOneFactFor(String sessionId) {
        TopicProbe.awaitRecord(TestBackends.kafkaBootstrapServers(), Topics.FEEDBACK, factOf(sessionId));
        List<ConsumerRecord<String, String>> facts = TopicProbe.readAll(TestBackends.kafkaBootstrapServers(),
                Topics.FEEDBACK, QUIET).stream().filter(factOf(sessionId)).toList();
        assertThat(facts).hasSize(1);
        return facts.get(0);
    }

    private static Predicate<ConsumerRecord<String, String>> factOf(String sessionId) {
        return record -> record.value().contains("\"sessionId\":\"" + sessionId + "\"");
    }

    private void awaitInvitation(String token) {
        await().atMost(WAIT).until(() -> invitationOrNull(token) != null);
    }

    private Document invitation(String token) {
        Document invitation = invitationOrNull(token);
        assertThat(invitation).isNotNull();
        return invitation;
    }

    private Document invitationOrNull(String token) {
        return mongo.findById(sha256(token), Document.class, "invitations");
    }

    private HttpResponse<String> postFeedback(String json) throws Exception {
        return http.send(feedbackRequest(json), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest feedbackRequest(String json) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/feedback"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> getWithToken(String path, String bearer) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + bearer).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String body(String token, String rest) {
        return "{\"token\": \"" + token + "\", " + rest + "}";
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(status);
    }

    private static List<String> fieldNames(String json) {
        return JSON.readTree(json).propertyNames().stream().sorted().toList();
    }

    private static String newToken() {
        return InvitationTokens.issue(Instant.now());
    }

    /** What session-service publishes: hex SHA-256 of the token's characters. */
    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
