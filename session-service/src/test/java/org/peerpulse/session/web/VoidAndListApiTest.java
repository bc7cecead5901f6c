package org.peerpulse.session.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peerpulse.session.web.SessionApi.body;
import static org.peerpulse.session.web.SessionApi.validBody;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.Activity;
import org.peerpulse.contracts.EventTypes;
import org.peerpulse.contracts.FocusArea;
import org.peerpulse.contracts.GoldenSamples;
import org.peerpulse.contracts.SessionContribution;
import org.peerpulse.contracts.SessionVoided;
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

/** Correcting and reading back: voiding a session once, by the right people, and listing an agency's sessions. */
@SessionServiceTest
class VoidAndListApiTest {

    private static final String REASON = "Logged twice by mistake, see the 3pm entry";

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
    void itsSpecialistOrAQualityLeadVoidsItOnceAndOneEventWithoutTheReasonIsPublished() {
        String agency = "void-" + System.nanoTime();
        api.staff(agency, List.of(SessionApi.PROGRAM), SessionApi.SPECIALIST, "sp-okafor");
        String peer = SessionApi.peer(agency);
        String otherPeer = SessionApi.peer(agency, "sp-okafor");
        String lead = issuer.token(Map.of("agency", agency, "roles", List.of("quality_lead"), "sub", "the-lead"),
                Duration.ofMinutes(5));
        String mine = api.logged(peer, validBody());
        String leads = api.logged(peer, validBody());

        ResponseEntity<JsonNode> notTheirs = api.voidSession(otherPeer, mine, REASON);
        assertThat(notTheirs.getStatusCode().value()).isEqualTo(403);
        assertThat(notTheirs.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.voidSession(peer, mine, REASON).getStatusCode().value()).isEqualTo(204);
        assertThat(api.voidSession(lead, leads, REASON).getStatusCode().value()).isEqualTo(204);
        ResponseEntity<JsonNode> twice = api.voidSession(lead, mine, "again");
        assertThat(twice.getStatusCode().value()).isEqualTo(409);
        assertThat(twice.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.voidSession(issuer.token("sunrise-" + System.nanoTime(), "quality_lead"), mine, REASON)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(api.voidSession(lead, "no-such-session", REASON).getStatusCode().value()).isEqualTo(404);

        JsonNode read = api.get(lead, "/api/v1/sessions/" + mine).getBody();
        assertThat(read.get("voided").asBoolean()).isTrue();
        assertThat(read.get("voidedAt").asString()).isNotBlank();
        assertThat(read.toString()).doesNotContain(REASON);
        Document stored = mongo.findOne(Query.query(Criteria.where("_id").is(mine)), Document.class, "sessions");
        assertThat(stored.getString("voidReason")).isEqualTo(REASON);
        assertThat(stored.getString("voidedBy")).isEqualTo(TestIssuer.SUBJECT);

        List<ConsumerRecord<String, String>> voids = TopicProbe.awaitRecords(TestBackends.kafkaBootstrapServers(),
                Topics.SESSIONS, r -> agency.equals(r.key()) && CloudEvents.header(r.headers(), CloudEvents.TYPE)
                        .filter(EventTypes.SESSION_VOIDED::equals).isPresent(), 2);
        // Each carries exactly what its session had contributed: the body's 45 peer-support minutes on recovery
        // goals, a strength noted ("humor"), its one invitation and the value practiced (KINDNESS).
        SessionContribution contributed = new SessionContribution(45, Activity.PEER_SUPPORT,
                List.of(FocusArea.RECOVERY_GOALS), true, 1, List.of("KINDNESS"));
        Instant sessionAt = Instant.parse(SessionApi.RECENTLY);
        assertThat(voids).map(r -> codec.read(r.value(), SessionVoided.class)).satisfiesExactlyInAnyOrder(
                event -> assertThat(event).isEqualTo(new SessionVoided(event.eventId(), event.occurredAt(), agency,
                        mine, "warmline", "sp-rivera", sessionAt, contributed)),
                event -> assertThat(event).isEqualTo(new SessionVoided(event.eventId(), event.occurredAt(), agency,
                        leads, "warmline", "sp-rivera", sessionAt, contributed)));
        assertThat(voids).allSatisfy(r -> assertThat(r.value()).doesNotContain(REASON).doesNotContain("reason"));
        JsonNode golden = SessionApi.JSON.readTree(GoldenSamples.json(SessionVoided.class));
        JsonNode published = SessionApi.JSON.readTree(voids.get(0).value());
        assertThat(published.propertyNames()).containsExactlyInAnyOrderElementsOf(golden.propertyNames());
        assertThat(published.get("contributed").propertyNames())
                .containsExactlyInAnyOrderElementsOf(golden.get("contributed").propertyNames());
        List<ConsumerRecord<String, String>> all = TopicProbe.readAll(TestBackends.kafkaBootstrapServers(),
                Topics.SESSIONS, Duration.ofMillis(500)).stream().filter(r -> agency.equals(r.key())).toList();
        assertThat(all).hasSize(4);
    }

    @Test
    void theListIsTheAgencysOwnNewestFirstFilteredAndPaged() {
        String agency = "list-" + System.nanoTime();
        api.staff(agency, List.of("warmline", "drop-in"), "sp-rivera", "sp-okafor");
        // The lead logs for each specialist: a list shows the sessions attributed to them, whoever logged them.
        String lead = SessionApi.lead(agency);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant dayAgo = now.minus(Duration.ofDays(1));
        Instant threeDaysAgo = now.minus(Duration.ofDays(3));
        Instant tenDaysAgo = now.minus(Duration.ofDays(10));
        String newest = logged(lead, body("warmline", "sp-rivera", dayAgo.toString()));
        String middle = logged(SessionApi.peer(agency, "sp-okafor"), body("warmline", null, threeDaysAgo.toString()));
        String oldest = logged(SessionApi.peer(agency), body("drop-in", "sp-rivera", tenDaysAgo.toString()));
        api.staff(agency + "-other");
        logged(SessionApi.peer(agency + "-other"), body("warmline", "sp-rivera", dayAgo.toString()));

        JsonNode all = list(agency, "");
        assertThat(ids(all)).containsExactly(newest, middle, oldest);
        assertThat(all.get("totalItems").asLong()).isEqualTo(3);
        assertThat(all.get("page").asInt()).isZero();
        assertThat(all.get("size").asInt()).isEqualTo(20);
        assertThat(all.get("items").get(0).get("programId").asString()).isEqualTo("warmline");
        assertThat(all.get("items").get(0).get("voided").asBoolean()).isFalse();
        assertThat(all.toString()).doesNotContain(SessionApi.PARTICIPANT_REF).doesNotContain("participantPseudonym");

        assertThat(ids(list(agency, "?programId=warmline"))).containsExactly(newest, middle);
        assertThat(ids(list(agency, "?specialistId=sp-rivera"))).containsExactly(newest, oldest);
        LocalDate threeDaysAgoDate = LocalDate.ofInstant(threeDaysAgo, ZoneOffset.UTC);
        assertThat(ids(list(agency, "?from=" + threeDaysAgoDate + "&to=" + threeDaysAgoDate))).containsExactly(middle);
        assertThat(ids(list(agency, "?from=" + threeDaysAgoDate))).containsExactly(newest, middle);
        assertThat(ids(list(agency, "?to=" + threeDaysAgoDate))).containsExactly(middle, oldest);

        JsonNode secondPage = list(agency, "?size=2&page=1");
        assertThat(ids(secondPage)).containsExactly(oldest);
        assertThat(secondPage.get("totalItems").asLong()).isEqualTo(3);
        assertThat(ids(list(agency, "?size=2&page=5"))).isEmpty();
    }

    @Test
    void aSpecialistReadsAndListsOnlyTheSessionsAttributedToThem() {
        String agency = "own-" + System.nanoTime();
        api.staff(agency, List.of(SessionApi.PROGRAM), "sp-ana", "sp-ben");
        String ana = SessionApi.peer(agency, "sp-ana");
        String ben = SessionApi.peer(agency, "sp-ben");
        String anas = logged(ana, SessionApi.ownBody());
        String bens = logged(ben, SessionApi.ownBody());
        // Logged by the lead, attributed to Ana: hers to read, whoever's token logged it.
        String forAna = logged(SessionApi.lead(agency), body(SessionApi.PROGRAM, "sp-ana", SessionApi.RECENTLY));

        ResponseEntity<JsonNode> anasList = api.get(ana, "/api/v1/sessions");
        assertThat(ids(anasList.getBody())).containsExactlyInAnyOrder(anas, forAna);
        assertThat(anasList.getBody().get("totalItems").asLong()).isEqualTo(2);
        assertThat(ids(api.get(ana, "/api/v1/sessions?specialistId=sp-ana").getBody()))
                .containsExactlyInAnyOrder(anas, forAna);
        ResponseEntity<JsonNode> bensList = api.get(ana, "/api/v1/sessions?specialistId=sp-ben");
        assertThat(bensList.getStatusCode().value()).isEqualTo(403);
        assertThat(bensList.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(bensList.getBody().toString()).doesNotContain(bens);
        assertThat(api.get(ana, "/api/v1/sessions/" + anas).getStatusCode().value()).isEqualTo(200);
        assertThat(api.get(ana, "/api/v1/sessions/" + forAna).getBody().get("specialistId").asString())
                .isEqualTo("sp-ana");
        ResponseEntity<JsonNode> bensSession = api.get(ana, "/api/v1/sessions/" + bens);
        assertThat(bensSession.getStatusCode().value()).isEqualTo(404);
        assertThat(bensSession.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(ids(list(agency, ""))).containsExactlyInAnyOrder(anas, bens, forAna);
        // A specialist's token that names no specialist reads nothing.
        ResponseEntity<JsonNode> nobodys = api.get(issuer.token(agency, "specialist"), "/api/v1/sessions");
        assertThat(nobodys.getStatusCode().value()).isEqualTo(403);
        assertThat(api.get(issuer.token(agency, "specialist"), "/api/v1/sessions/" + anas).getStatusCode().value())
                .isEqualTo(403);
    }

    private String logged(String token, String body) {
        return api.logged(token, body);
    }

    private JsonNode list(String agency, String query) {
        ResponseEntity<JsonNode> answer = api.get(issuer.token(agency, "quality_lead"), "/api/v1/sessions" + query);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        return answer.getBody();
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").valueStream().map(item -> item.get("sessionId").asString()).toList();
    }
}
