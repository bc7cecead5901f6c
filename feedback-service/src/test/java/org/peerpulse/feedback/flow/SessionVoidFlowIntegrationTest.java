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
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.EventTypes;
import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.contracts.FeedbackWithdrawn;
import org.peerpulse.contracts.GoldenSamples;
import org.peerpulse.contracts.SessionVoided;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Voided sessions on the real broker and store: an answer that counted is withdrawn once, after itself and on
 * its partition, however often the void arrives and however it races the answer; an answer after the void is
 * refused and nothing is published for it. Shares the running service of the other flow tests; each test has
 * its own sessions and tokens.
 */
@PeerPulseIntegrationTest(properties = {"peerpulse.outbox.poll-interval=50ms",
        "peerpulse.feedback.token-attempts-per-minute=100000"})
class SessionVoidFlowIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Longer than several outbox polls: anything (wrongly) still on its way would arrive in it. */
    private static final Duration QUIET = Duration.ofMillis(500);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COMMENT = "the void should not carry this";
    private static final String ANSWER = "\"ratings\": {\"KINDNESS\": 5, \"EMPATHY\": 4}, \"hope\": 4, "
            + "\"harm\": {\"reported\": false}, \"comment\": \"" + COMMENT + "\", \"language\": \"es\"";

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

    @Test
    void aVoidAfterAnAnswerPublishesOneWithdrawalAfterItOnItsPartitionInTheGoldenShape() throws Exception {
        SessionStream.Invited invited = sessions.invitedToken(Instant.now().plus(7, ChronoUnit.DAYS));
        assertThat(answer(invited.token()).statusCode()).isEqualTo(201);

        sessions.voidSession(invited.logged());

        List<ConsumerRecord<String, String>> published = settledFactsOf(invited, 2);
        ConsumerRecord<String, String> answer = published.get(0);
        ConsumerRecord<String, String> withdrawal = published.get(1);
        assertThat(CloudEvents.header(answer.headers(), CloudEvents.TYPE)).contains(EventTypes.FEEDBACK_SUBMITTED);
        assertThat(CloudEvents.header(withdrawal.headers(), CloudEvents.TYPE)).contains(EventTypes.FEEDBACK_WITHDRAWN);
        assertThat(withdrawal.key()).isEqualTo(SessionStream.AGENCY).isEqualTo(answer.key());
        assertThat(withdrawal.partition()).isEqualTo(answer.partition());
        assertThat(withdrawal.offset()).isGreaterThan(answer.offset());

        FeedbackSubmitted submitted = codec.read(answer.value(), FeedbackSubmitted.class);
        FeedbackWithdrawn withdrawn = codec.read(withdrawal.value(), FeedbackWithdrawn.class);
        assertThat(CloudEvents.header(withdrawal.headers(), CloudEvents.ID)).contains(withdrawn.eventId().toString());
        assertThat(withdrawn).isEqualTo(FeedbackWithdrawn.of(submitted, FeedbackWithdrawn.SESSION_VOIDED,
                withdrawn.eventId(), withdrawn.occurredAt()));
        assertThat(withdrawn.eventId()).isNotEqualTo(submitted.eventId());
        assertThat(withdrawn.occurredAt()).isAfterOrEqualTo(submitted.occurredAt());
        assertThat(fieldNames(withdrawal.value())).isEqualTo(fieldNames(GoldenSamples.json(FeedbackWithdrawn.class)));
        assertThat(withdrawal.value()).doesNotContain(COMMENT).doesNotContain(invited.token())
                .doesNotContain(invited.logged().invitation().tokenHash());
    }

    @Test
    void aVoidDeliveredTwiceWithdrawsTheAnswerOnce() throws Exception {
        SessionStream.Invited invited = sessions.invitedToken(Instant.now().plus(7, ChronoUnit.DAYS));
        assertThat(answer(invited.token()).statusCode()).isEqualTo(201);
        SessionVoided voided = SessionStream.voidingOf(invited.logged());

        sessions.publish(voided);
        sessions.awaitVoided(invited.logged());
        sessions.publish(voided);

        List<ConsumerRecord<String, String>> published = settledFactsOf(invited, 2);
        assertThat(published).extracting(record -> CloudEvents.header(record.headers(), CloudEvents.TYPE).orElseThrow())
                .containsExactly(EventTypes.FEEDBACK_SUBMITTED, EventTypes.FEEDBACK_WITHDRAWN);
    }

    @Test
    void anAnswerAfterTheVoidIsRefusedAndNothingIsPublished() throws Exception {
        SessionStream.Invited invited = sessions.invitedToken(Instant.now().plus(7, ChronoUnit.DAYS));
        sessions.voidSession(invited.logged());

        HttpResponse<String> late = answer(invited.token());

        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(settledFactsOf(invited, 0)).isEmpty();
        assertThat(sessions.invitation(invited.token()).get("answers")).isNull();
    }

    @Test
    void aVoidOfASessionWithoutAnswerPublishesNothing() throws Exception {
        SessionStream.Invited invited = sessions.invitedToken(Instant.now().plus(7, ChronoUnit.DAYS));

        sessions.voidSession(invited.logged());

        assertThat(settledFactsOf(invited, 0)).isEmpty();
        assertThat(sessions.invitation(invited.token()).getList("outbox", Object.class)).isEmpty();
    }

    /**
     * A group session's links: each is answered once, on its own; voiding the session ends the unanswered one
     * and withdraws each counted answer once, by its own event id.
     */
    @Test
    void aGroupOfThreeLinksIsEachAnsweredOnceAndItsVoidWithdrawsEachCountedAnswerOnce() throws Exception {
        List<SessionStream.Invited> group = sessions.invitedGroup(3, Instant.now().plus(7, ChronoUnit.DAYS));
        assertThat(group).extracting(SessionStream.Invited::token).doesNotHaveDuplicates();

        assertThat(answer(group.get(0).token()).statusCode()).isEqualTo(201);
        assertThat(answer(group.get(1).token()).statusCode()).isEqualTo(201);
        assertThat(answer(group.get(0).token()).statusCode()).isEqualTo(409);
        List<ConsumerRecord<String, String>> answered = settledFactsOf(group, 2);
        assertThat(answered).extracting(record -> CloudEvents.header(record.headers(), CloudEvents.TYPE).orElseThrow())
                .containsExactly(EventTypes.FEEDBACK_SUBMITTED, EventTypes.FEEDBACK_SUBMITTED);

        sessions.voidSession(group.get(0).logged());

        List<ConsumerRecord<String, String>> published = settledFactsOf(group, 4);
        assertThat(published.subList(0, 2)).extracting(ConsumerRecord::value)
                .containsExactlyElementsOf(answered.stream().map(ConsumerRecord::value).toList());
        assertThat(published.subList(2, 4)).extracting(record -> codec.read(record.value(), FeedbackWithdrawn.class)
                .withdrawnEventId()).containsExactlyInAnyOrderElementsOf(answered.stream()
                        .map(record -> codec.read(record.value(), FeedbackSubmitted.class).eventId()).toList());
        assertThat(answer(group.get(2).token()).statusCode()).isEqualTo(410);
        assertThat(settledFactsOf(group, 4)).extracting(ConsumerRecord::value)
                .containsExactlyElementsOf(published.stream().map(ConsumerRecord::value).toList());
    }

    /**
     * Answers and voids sent at the same moment: whichever the store takes first, an accepted answer is
     * withdrawn exactly once and a refused one leaves nothing on the topic, never both and never neither.
     */
    @Test
    void anAnswerRacingTheVoidIsEitherCountedAndWithdrawnOnceOrRefusedAndNeverPublished() throws Exception {
        List<SessionStream.Invited> invited = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            invited.add(sessions.invitedToken(Instant.now().plus(7, ChronoUnit.DAYS)));
        }
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (SessionStream.Invited session : invited) {
            answers.add(http.sendAsync(answerRequest(session.token()), HttpResponse.BodyHandlers.ofString()));
            sessions.publish(SessionStream.voidingOf(session.logged()));
        }

        for (int i = 0; i < invited.size(); i++) {
            SessionStream.Invited session = invited.get(i);
            int status = answers.get(i).join().statusCode();
            assertThat(status).isIn(201, 410);
            sessions.awaitVoided(session.logged());
            List<ConsumerRecord<String, String>> published = settledFactsOf(session, status == 201 ? 2 : 0);
            if (status == 201) {
                assertThat(published).extracting(r -> CloudEvents.header(r.headers(), CloudEvents.TYPE).orElseThrow())
                        .containsExactly(EventTypes.FEEDBACK_SUBMITTED, EventTypes.FEEDBACK_WITHDRAWN);
                assertThat(codec.read(published.get(1).value(), FeedbackWithdrawn.class).withdrawnEventId())
                        .isEqualTo(codec.read(published.get(0).value(), FeedbackSubmitted.class).eventId());
            } else {
                assertThat(published).isEmpty();
            }
        }
    }

    /**
     * Waits until the service has handled everything on the session topic and published everything it
     * queued, then reads the session's feedback records, in partition order; {@code expected} of them must
     * have arrived, and no more may follow.
     */
    private List<ConsumerRecord<String, String>> settledFactsOf(SessionStream.Invited invited, int expected) {
        return settledFactsOf(List.of(invited), expected);
    }

    /** The same for every link of one session. */
    private List<ConsumerRecord<String, String>> settledFactsOf(List<SessionStream.Invited> links, int expected) {
        TopicProbe.awaitCaughtUp(TestBackends.kafkaBootstrapServers(), "feedback-service", WAIT, Topics.SESSIONS);
        await().atMost(WAIT).until(() -> links.stream()
                .noneMatch(link -> sessions.invitation(link.token()).getBoolean("outboxPending")));
        String sessionId = links.get(0).logged().sessionId();
        if (expected > 0) {
            TopicProbe.awaitRecords(TestBackends.kafkaBootstrapServers(), Topics.FEEDBACK,
                    record -> isAbout(record, sessionId), expected);
        }
        return TopicProbe.readAll(TestBackends.kafkaBootstrapServers(), Topics.FEEDBACK, QUIET).stream()
                .filter(record -> isAbout(record, sessionId)).toList();
    }

    private static boolean isAbout(ConsumerRecord<String, String> record, String sessionId) {
        return record.value().contains("\"sessionId\":\"" + sessionId + "\"");
    }

    private HttpResponse<String> answer(String token) throws Exception {
        return http.send(answerRequest(token), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest answerRequest(String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/feedback"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\": \"" + token + "\", " + ANSWER + "}")).build();
    }

    private static List<String> fieldNames(String json) {
        return JSON.readTree(json).propertyNames().stream().sorted().toList();
    }
}
