package org.peerpulse.session.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peerpulse.session.web.SessionApi.validBody;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.InvitationTokens;
import org.peerpulse.contracts.Topics;
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

/** Retries with one {@code Idempotency-Key}, one after another and all at once, give one session and one event. */
@SessionServiceTest
class IdempotencyApiTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private final TestIssuer issuer = TestIssuer.shared();
    private SessionApi api;

    @BeforeEach
    void client() {
        api = new SessionApi(port);
    }

    @Test
    void parallelAndThenSequentialRetriesGetTheSameAnswerWithOneSessionAndOneEvent() throws Exception {
        String agency = "retry-" + System.nanoTime();
        api.staff(agency);
        String token = SessionApi.peer(agency);
        String key = "retry-" + UUID.randomUUID();

        // Eight first attempts at once: the store's unique index on the retry key lets one of them in.
        List<ResponseEntity<JsonNode>> parallel = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ResponseEntity<JsonNode>>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return api.post(token, validBody(), key);
                }));
            }
            start.countDown();
            for (Future<ResponseEntity<JsonNode>> future : futures) {
                parallel.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        ResponseEntity<JsonNode> first = parallel.get(0);
        ResponseEntity<JsonNode> later = api.post(token, validBody(), key);
        ResponseEntity<JsonNode> evenLater = api.post(token, validBody(), key);

        assertThat(first.getBody().get("feedback").get("token").asString()).matches(InvitationTokens.FORMAT);
        assertThat(first.getBody().get("feedback").get("qrCode").asString()).startsWith("data:image/png;base64,");
        assertThat(List.of(parallel, List.of(later, evenLater)).stream().flatMap(List::stream)).allSatisfy(answer -> {
            assertThat(answer.getStatusCode().value()).isEqualTo(201);
            assertThat(answer.getBody()).isEqualTo(first.getBody());
            assertThat(answer.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        });

        String sessionId = first.getBody().get("sessionId").asString();
        List<Document> stored = mongo.find(Query.query(Criteria.where("agencyId").is(agency)), Document.class,
                "sessions");
        assertThat(stored).singleElement().satisfies(session -> {
            assertThat(session.get("_id")).isEqualTo(sessionId);
            assertThat(session.toJson()).doesNotContain(key)
                    .doesNotContain(first.getBody().get("feedback").get("token").asString());
        });
        List<ConsumerRecord<String, String>> published = TopicProbe.readAll(TestBackends.kafkaBootstrapServers(),
                Topics.SESSIONS, Duration.ofMillis(500)).stream().filter(r -> agency.equals(r.key())).toList();
        assertThat(published).singleElement().satisfies(r -> assertThat(r.value()).contains(sessionId));
    }

    @Test
    void theStoreHoldsTheUniqueRetryKeyIndex() {
        assertThat(mongo.indexOps("sessions").getIndexInfo()).anySatisfy(index -> {
            assertThat(index.getName()).isEqualTo("agency_retry_key");
            assertThat(index.isUnique()).isTrue();
            assertThat(index.isSparse()).isTrue();
        });
    }

    @Test
    void theSameKeyWithAnotherBodyIsUnprocessableAndChangesNothing() {
        String agency = "retry-" + System.nanoTime();
        api.staff(agency);
        String token = SessionApi.peer(agency);
        String key = "retry-" + UUID.randomUUID();
        ResponseEntity<JsonNode> first = api.post(token, validBody(), key);

        ResponseEntity<JsonNode> reused = api.post(token, validBody().replace("\"durationMinutes\": 45",
                "\"durationMinutes\": 50"), key);

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(reused.getStatusCode().value()).isEqualTo(422);
        assertThat(reused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(reused.getBody().get("errors").findValuesAsString("field")).containsExactly("Idempotency-Key");
        assertThat(reused.getBody().toString()).doesNotContain(key);
        assertThat(mongo.count(Query.query(Criteria.where("agencyId").is(agency)), "sessions")).isEqualTo(1);
    }

    @Test
    void withoutAKeyEveryRequestIsANewSessionAndKeysBelongToOneAgency() {
        String agency = "retry-" + System.nanoTime();
        String key = "retry-" + UUID.randomUUID();
        api.staff(agency).staff(agency + "-other");
        String one = api.logged(SessionApi.peer(agency), validBody());
        String two = api.logged(SessionApi.peer(agency), validBody());
        String keyed = api.post(SessionApi.peer(agency), validBody(), key).getBody().get("sessionId").asString();
        String otherAgency = api.post(SessionApi.peer(agency + "-other"), validBody(), key).getBody()
                .get("sessionId").asString();

        assertThat(List.of(one, two, keyed, otherAgency)).doesNotHaveDuplicates();
    }
}
