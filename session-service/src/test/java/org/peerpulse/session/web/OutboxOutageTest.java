package org.peerpulse.session.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.peerpulse.session.web.SessionApi.validBody;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.Topics;
import org.peerpulse.platform.messaging.CloudEvents;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.testsupport.TestBackends;
import org.peerpulse.testsupport.TestIssuer;
import org.peerpulse.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * Sessions logged while the broker is down are accepted, wait in their documents, and are each published
 * exactly once when it comes back, although the relay gave up waiting for the broker several times over.
 */
@SessionServiceTest
class OutboxOutageTest {

    private static final int DURING_OUTAGE = 5;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private final TestIssuer issuer = TestIssuer.shared();

    @Test
    void sessionsLoggedWhileKafkaIsDownArePublishedExactlyOnceEachWhenItReturns() {
        assumeTrue(TestBackends.backendName().equals("embedded"), "stopping the broker needs the embedded one");
        SessionApi api = new SessionApi(port);
        String agency = "outage-" + System.nanoTime();
        // The directory is in place before the broker goes: its snapshot is not what this test waits for.
        api.staff(agency);
        String token = SessionApi.peer(agency);
        String bootstrap = TestBackends.kafkaBootstrapServers();
        // One session before the outage, so the producer is connected and knows the topic when the broker goes.
        String before = api.post(token, validBody(), MediaType.APPLICATION_JSON).getBody().get("sessionId").asString();
        TopicProbe.awaitRecords(bootstrap, Topics.SESSIONS, r -> agency.equals(r.key()), 1);

        List<String> logged = new ArrayList<>();
        try {
            TestBackends.stopKafka();
            for (int i = 0; i < DURING_OUTAGE; i++) {
                ResponseEntity<JsonNode> answer = api.post(token, validBody(), MediaType.APPLICATION_JSON);
                assertThat(answer.getStatusCode().value()).isEqualTo(201);
                logged.add(answer.getBody().get("sessionId").asString());
            }
            // Long enough for the relay to give up waiting (1 s) and come back to the same events twice.
            await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5))
                    .until(() -> pending(logged) == DURING_OUTAGE);
        } finally {
            TestBackends.startKafka();
        }

        List<String> expected = new ArrayList<>(logged);
        expected.add(before);
        TopicProbe.awaitRecords(bootstrap, Topics.SESSIONS, r -> agency.equals(r.key()), expected.size(),
                Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(30)).until(() -> pending(logged) == 0);
        // Anything published twice would be on the topic by now: read until it has been quiet for a second.
        List<ConsumerRecord<String, String>> published = TopicProbe.readAll(bootstrap, Topics.SESSIONS,
                Duration.ofSeconds(1)).stream().filter(r -> agency.equals(r.key())).toList();
        EventCodec codec = new EventCodec();
        Map<String, Long> perEventId = published.stream().collect(Collectors.groupingBy(
                r -> CloudEvents.header(r.headers(), CloudEvents.ID).orElseThrow(), Collectors.counting()));
        assertThat(perEventId).hasSize(expected.size()).allSatisfy((eventId, copies) ->
                assertThat(copies).as("copies of event " + eventId).isEqualTo(1));
        assertThat(published).extracting(r -> codec.read(r.value(), SessionLogged.class).sessionId())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(published.stream().map(r -> codec.read(r.value(), SessionLogged.class))
                .collect(Collectors.toMap(SessionLogged::eventId, Function.identity()))).hasSize(expected.size());
    }

    private long pending(List<String> sessionIds) {
        return mongo.count(Query.query(Criteria.where("_id").in(sessionIds).and("outboxPending").is(true)),
                Document.class, "sessions");
    }
}
