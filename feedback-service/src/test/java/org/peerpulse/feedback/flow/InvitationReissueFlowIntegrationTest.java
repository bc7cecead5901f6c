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
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.EventTypes;
import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.contracts.FeedbackWithdrawn;
import org.peerpulse.contracts.InvitationTokens;
import org.peerpulse.contracts.Topics;
import org.peerpulse.platform.messaging.CloudEvents;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.testsupport.PeerPulseIntegrationTest;
import org.peerpulse.testsupport.TestBackends;
import org.peerpulse.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fresh links on the real broker and store: a reissue's fresh link works in the place of an unanswered link,
 * which answers 410 from then on; the replacement of an answered link never works; the same reissue delivered
 * again changes nothing; a void after a reissue ends the fresh links too; and no refused answer publishes
 * anything. Shares the running service of the other flow tests; each test has its own session and tokens.
 */
@PeerPulseIntegrationTest(properties = {"peerpulse.outbox.poll-interval=50ms",
        "peerpulse.feedback.token-attempts-per-minute=100000"})
class InvitationReissueFlowIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Longer than several outbox polls: anything (wrongly) still on its way would arrive in it. */
    private static final Duration QUIET = Duration.ofMillis(500);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ANSWER = "\"ratings\": {\"KINDNESS\": 5}, \"hope\": 4, \"harm\": {\"reported\": false}";

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EventCodec codec;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private SessionStream sessions;

    @BeforeEach
    void sessions() {
        sessions = new SessionStream(kafka, codec, mongo);
    }

    /**
     * A group of three: the first link is answered, then the specialist reissues the first two. The unanswered
     * second link gives way to its fresh one; the answered first keeps its answer and its fresh one never works;
     * the third is untouched. The session ends with three answers for three invitations, however often the
     * reissue arrives.
     */
    @Test
    void aFreshLinkWorksInThePlaceOfAnUnansweredLinkAndNeverInThePlaceOfAnAnsweredOne() throws Exception {
        List<SessionStream.Invited> group = sessions.invitedGroup(3, Instant.now().plus(7, ChronoUnit.DAYS));
        String answered = group.get(0).token();
        String lost = group.get(1).token();
        String untouched = group.get(2).token();
        assertThat(answer(answered).statusCode()).isEqualTo(201);

        SessionStream.Reissued reissued = sessions.reissue(group.get(0).logged(), List.of(answered, lost));
        String notNeeded = reissued.tokens().get(0);
        String fresh = reissued.tokens().get(1);

        assertGone(answer(lost), "Feedback link replaced", lost);
        assertGone(answer(notNeeded), "Feedback link not needed", notNeeded);
        assertThat(answer(fresh).statusCode()).isEqualTo(201);
        assertThat(answer(fresh).statusCode()).isEqualTo(409);
        assertThat(answer(untouched).statusCode()).isEqualTo(201);
        List<String> tokens = Stream.concat(group.stream().map(SessionStream.Invited::token),
                reissued.tokens().stream()).toList();
        List<ConsumerRecord<String, String>> published = settledFactsOf(group.get(0), tokens, 3);
        assertThat(published).allSatisfy(record -> assertThat(CloudEvents.header(record.headers(), CloudEvents.TYPE))
                .contains(EventTypes.FEEDBACK_SUBMITTED));

        sessions.publish(reissued.event());
        TopicProbe.awaitCaughtUp(TestBackends.kafkaBootstrapServers(), "feedback-service", WAIT, Topics.SESSIONS);

        assertGone(answer(lost), "Feedback link replaced", lost);
        assertGone(answer(notNeeded), "Feedback link not needed", notNeeded);
        assertThat(answer(fresh).statusCode()).isEqualTo(409);
        assertThat(settledFactsOf(group.get(0), tokens, 3)).extracting(ConsumerRecord::value)
                .containsExactlyElementsOf(published.stream().map(ConsumerRecord::value).toList());
        assertThat(sessions.invitation(lost).getString("replacedBy")).isEqualTo(InvitationTokens.hashOf(fresh));
        assertThat(sessions.invitation(lost).get("answers")).isNull();
        assertThat(sessions.invitation(notNeeded).get("answers")).isNull();
    }

    /** A fresh link can be replaced in turn, and the form of a replaced link says so in the participant's words. */
    @Test
    void aFreshLinkReplacedInTurnHandsItsPlaceOnAndTheFormOfAReplacedLinkSaysSo() throws Exception {
        SessionStream.Invited invited = sessions.invitedToken(Instant.now().plus(7, ChronoUnit.DAYS));
        String first = sessions.reissue(invited.logged(), List.of(invited.token())).tokens().get(0);
        String second = sessions.reissue(invited.logged(), List.of(first)).tokens().get(0);

        HttpResponse<String> english = page(invited.token(), "en");
        HttpResponse<String> spanish = page(first, "es");

        assertThat(english.statusCode()).isEqualTo(410);
        assertThat(english.body()).contains("This link was replaced", "Please use the newest link you got.")
                .doesNotContain(invited.token());
        assertThat(spanish.statusCode()).isEqualTo(410);
        assertThat(spanish.body()).contains("<html lang=\"es\"", "Este enlace fue reemplazado");
        assertThat(page(second, "en").statusCode()).isEqualTo(200);
        assertThat(answer(second).statusCode()).isEqualTo(201);
        assertThat(settledFactsOf(invited, List.of(invited.token(), first, second), 1)).hasSize(1);
    }

    /** The form of a fresh link that was never needed, in both languages. */
    @Test
    void theFormOfAFreshLinkThatWasNeverNeededSaysWhy() throws Exception {
        SessionStream.Invited invited = sessions.invitedToken(Instant.now().plus(7, ChronoUnit.DAYS));
        assertThat(answer(invited.token()).statusCode()).isEqualTo(201);
        String fresh = sessions.reissue(invited.logged(), List.of(invited.token())).tokens().get(0);

        HttpResponse<String> english = page(fresh, "en");
        HttpResponse<String> spanish = page(fresh, "es");

        assertThat(english.statusCode()).isEqualTo(410);
        assertThat(english.body()).contains("This link is not needed", "the earlier link was already used");
        assertThat(spanish.statusCode()).isEqualTo(410);
        assertThat(spanish.body()).contains("Este enlace no hace falta");
    }

    /**
     * Voiding the session after a reissue ends every link it ever had, the fresh ones too: the fresh link's
     * answer is withdrawn once, and the unanswered fresh link answers 410.
     */
    @Test
    void aVoidAfterAReissueEndsTheFreshLinksAndWithdrawsTheirAnswers() throws Exception {
        List<SessionStream.Invited> group = sessions.invitedGroup(2, Instant.now().plus(7, ChronoUnit.DAYS));
        List<String> old = group.stream().map(SessionStream.Invited::token).toList();
        List<String> fresh = sessions.reissue(group.get(0).logged(), old).tokens();
        assertThat(answer(fresh.get(0)).statusCode()).isEqualTo(201);
        List<String> tokens = Stream.concat(old.stream(), fresh.stream()).toList();
        settledFactsOf(group.get(0), tokens, 1);

        sessions.voidSession(group.get(0).logged());
        await().atMost(WAIT).until(() -> fresh.stream().allMatch(token -> sessions.invitation(token)
                .getBoolean("voided")));

        List<ConsumerRecord<String, String>> published = settledFactsOf(group.get(0), tokens, 2);
        assertThat(published).extracting(record -> CloudEvents.header(record.headers(), CloudEvents.TYPE).orElseThrow())
                .containsExactly(EventTypes.FEEDBACK_SUBMITTED, EventTypes.FEEDBACK_WITHDRAWN);
        assertThat(codec.read(published.get(1).value(), FeedbackWithdrawn.class).withdrawnEventId())
                .isEqualTo(codec.read(published.get(0).value(), FeedbackSubmitted.class).eventId());
        HttpResponse<String> late = answer(fresh.get(1));
        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(JSON.readTree(late.body()).get("title").asString()).isEqualTo("Feedback link withdrawn");
        assertThat(settledFactsOf(group.get(0), tokens, 2)).hasSize(2);
    }

    /** A refused answer: 410, a problem body with a clear title, no echo of the token, nothing stored. */
    private void assertGone(HttpResponse<String> response, String title, String token) {
        assertThat(response.statusCode()).isEqualTo(410);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(410);
        assertThat(problem.get("title").asString()).isEqualTo(title);
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain(token).doesNotContain(InvitationTokens.hashOf(token));
        assertThat(sessions.invitation(token).get("answers")).isNull();
    }

    /**
     * Waits until the service has handled everything on the session topic and published everything the
     * session's links queued, then reads the session's feedback records in partition order; {@code expected}
     * of them must have arrived, and no more may follow.
     */
    private List<ConsumerRecord<String, String>> settledFactsOf(SessionStream.Invited session, List<String> tokens,
            int expected) {
        TopicProbe.awaitCaughtUp(TestBackends.kafkaBootstrapServers(), "feedback-service", WAIT, Topics.SESSIONS);
        await().atMost(WAIT).until(() -> tokens.stream()
                .noneMatch(token -> sessions.invitation(token).getBoolean("outboxPending")));
        String sessionId = session.logged().sessionId();
        TopicProbe.awaitRecords(TestBackends.kafkaBootstrapServers(), Topics.FEEDBACK,
                record -> isAbout(record, sessionId), expected);
        List<ConsumerRecord<String, String>> facts = TopicProbe.readAll(TestBackends.kafkaBootstrapServers(),
                Topics.FEEDBACK, QUIET).stream().filter(record -> isAbout(record, sessionId)).toList();
        assertThat(facts).hasSize(expected);
        return facts;
    }

    private static boolean isAbout(ConsumerRecord<String, String> record, String sessionId) {
        return record.value().contains("\"sessionId\":\"" + sessionId + "\"");
    }

    private HttpResponse<String> answer(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/feedback"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\": \"" + token + "\", " + ANSWER + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> page(String token, String language) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/f/" + token))
                .header("Accept-Language", language).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
