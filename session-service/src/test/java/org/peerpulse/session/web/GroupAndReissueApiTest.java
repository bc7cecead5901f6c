package org.peerpulse.session.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peerpulse.session.web.SessionApi.PARTICIPANT_REF;
import static org.peerpulse.session.web.SessionApi.groupBody;
import static org.peerpulse.session.web.SessionApi.lead;
import static org.peerpulse.session.web.SessionApi.peer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.EventTypes;
import org.peerpulse.contracts.InvitationTokens;
import org.peerpulse.contracts.InvitationsReissued;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.Topics;
import org.peerpulse.platform.messaging.CloudEvents;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.testsupport.TestBackends;
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
 * Group sessions and fresh links over real HTTP: a group gets one link per attendee, all published as invited;
 * a reissue replaces every link and says which old hash each new one replaces; only those who may act on the
 * session reissue, and never a voided one.
 */
@SessionServiceTest
class GroupAndReissueApiTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private final EventCodec codec = new EventCodec();
    private SessionApi api;

    @BeforeEach
    void client() {
        api = new SessionApi(port);
    }

    @Test
    void aGroupOfThreeGetsThreeLinksAndOneEventInvitingThemAll() throws Exception {
        String agency = agency("group");
        api.staff(agency);

        ResponseEntity<JsonNode> answer = api.post(peer(agency), groupBody(3), MediaType.APPLICATION_JSON);

        assertThat(answer.getStatusCode().value()).isEqualTo(201);
        assertThat(answer.getHeaders().getCacheControl()).contains("no-store");
        JsonNode body = answer.getBody();
        String sessionId = body.get("sessionId").asString();
        List<String> tokens = tokens(body);
        assertThat(tokens).hasSize(3).doesNotHaveDuplicates()
                .allSatisfy(token -> assertThat(token).matches(InvitationTokens.FORMAT));
        assertThat(body.get("feedback")).isEqualTo(body.get("feedbackLinks").get(0));
        for (JsonNode link : body.get("feedbackLinks")) {
            String url = link.get("url").asString();
            assertThat(url).isEqualTo("http://127.0.0.1:8082/f/" + link.get("token").asString());
            assertThat(SessionApiTest.decodeQr(link.get("qrCode").asString())).isEqualTo(url);
            assertThat(link.get("expiresAt").asString()).isEqualTo(body.get("feedback").get("expiresAt").asString());
        }

        SessionLogged event = codec.read(TopicProbe.awaitRecord(TestBackends.kafkaBootstrapServers(),
                Topics.SESSIONS, record -> agency.equals(record.key())).value(), SessionLogged.class);
        assertThat(event.sessionId()).isEqualTo(sessionId);
        assertThat(event.invitations()).extracting(SessionLogged.InvitationIssued::tokenHash)
                .containsExactlyElementsOf(hashes(tokens));
        assertThat(event.invitations()).extracting(SessionLogged.InvitationIssued::expiresAt)
                .containsOnly(Instant.parse(body.get("feedback").get("expiresAt").asString()));
        assertThat(event.invitation()).isEqualTo(event.invitations().get(0));
        assertThat(event.contribution().invitations()).isEqualTo(3);

        JsonNode read = api.get(lead(agency), "/api/v1/sessions/" + sessionId).getBody();
        assertThat(read.get("attendees").asInt()).isEqualTo(3);
        Document stored = mongo.findOne(Query.query(Criteria.where("_id").is(sessionId)), Document.class, "sessions");
        assertThat(stored.getList("invitations", Document.class)).extracting(i -> i.getString("tokenHash"))
                .containsExactlyElementsOf(hashes(tokens));
        tokens.forEach(token -> assertThat(stored.toJson()).doesNotContain(token));
        assertThat(stored.toJson()).doesNotContain(PARTICIPANT_REF);
    }

    @Test
    void aRetriedGroupGetsTheSameThreeLinksAndIsOneSession() {
        String agency = agency("group-retry");
        api.staff(agency);
        String key = "group-" + UUID.randomUUID();

        ResponseEntity<JsonNode> first = api.post(peer(agency), groupBody(3), key);
        ResponseEntity<JsonNode> retry = api.post(peer(agency), groupBody(3), key);
        ResponseEntity<JsonNode> smaller = api.post(peer(agency), groupBody(2), key);

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(tokens(retry.getBody())).hasSize(3).doesNotHaveDuplicates();
        // The same key for another group size is another request.
        assertThat(smaller.getStatusCode().value()).isEqualTo(422);
        assertThat(mongo.count(Query.query(Criteria.where("agencyId").is(agency)), "sessions")).isEqualTo(1);
        TopicProbe.awaitRecord(TestBackends.kafkaBootstrapServers(), Topics.SESSIONS,
                record -> agency.equals(record.key()));
        assertThat(published(agency)).singleElement().satisfies(record -> assertThat(codec.read(record.value(),
                SessionLogged.class).invitations()).hasSize(3));
    }

    @Test
    void aReissueReplacesEveryLinkAndSaysWhichHashEachReplaces() {
        String agency = agency("reissue");
        api.staff(agency);
        String key = "reissue-" + UUID.randomUUID();
        JsonNode logged = api.post(peer(agency), groupBody(2), key).getBody();
        String sessionId = logged.get("sessionId").asString();

        ResponseEntity<JsonNode> first = api.reissue(peer(agency), sessionId);
        ResponseEntity<JsonNode> second = api.reissue(lead(agency), sessionId);

        for (ResponseEntity<JsonNode> answer : List.of(first, second)) {
            assertThat(answer.getStatusCode().value()).isEqualTo(201);
            assertThat(answer.getHeaders().getCacheControl()).contains("no-store");
            assertThat(answer.getBody().get("sessionId").asString()).isEqualTo(sessionId);
            assertThat(answer.getBody().get("feedback")).isEqualTo(answer.getBody().get("feedbackLinks").get(0));
            assertThat(answer.getBody().get("feedbackLinks").get(1).get("qrCode").asString())
                    .startsWith("data:image/png;base64,");
        }
        List<String> original = tokens(logged);
        List<String> fresh = tokens(first.getBody());
        List<String> fresher = tokens(second.getBody());
        assertThat(fresh).hasSize(2).doesNotContainAnyElementsOf(original);
        assertThat(fresher).hasSize(2).doesNotContainAnyElementsOf(fresh).doesNotContainAnyElementsOf(original);

        List<InvitationsReissued> reissues = TopicProbe.awaitRecords(TestBackends.kafkaBootstrapServers(),
                        Topics.SESSIONS, record -> agency.equals(record.key()) && CloudEvents.header(record.headers(),
                                CloudEvents.TYPE).filter(EventTypes.INVITATIONS_REISSUED::equals).isPresent(), 2)
                .stream().map(record -> codec.read(record.value(), InvitationsReissued.class)).toList();
        assertThat(reissues).hasSize(2);
        assertThat(reissues.get(0).replacements()).extracting(InvitationsReissued.Replacement::replacedTokenHash,
                InvitationsReissued.Replacement::tokenHash).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(hash(original.get(0)), hash(fresh.get(0))),
                        org.assertj.core.groups.Tuple.tuple(hash(original.get(1)), hash(fresh.get(1))));
        // The second replaces what the first issued, not the original links.
        assertThat(reissues.get(1).replacements()).extracting(InvitationsReissued.Replacement::replacedTokenHash,
                InvitationsReissued.Replacement::tokenHash).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(hash(fresh.get(0)), hash(fresher.get(0))),
                        org.assertj.core.groups.Tuple.tuple(hash(fresh.get(1)), hash(fresher.get(1))));
        assertThat(reissues.get(1).sessionId()).isEqualTo(sessionId);
        assertThat(reissues.get(1).specialistId()).isEqualTo(SessionApi.SPECIALIST);
        assertThat(reissues.get(1).replacements()).allSatisfy(replacement -> assertThat(replacement.expiresAt())
                .isEqualTo(Instant.parse(second.getBody().get("feedback").get("expiresAt").asString())));
        Document stored = mongo.findOne(Query.query(Criteria.where("_id").is(sessionId)), Document.class, "sessions");
        assertThat(stored.getList("invitations", Document.class)).extracting(i -> i.getString("tokenHash"))
                .containsExactlyElementsOf(hashes(fresher));

        // The first answer cannot be repeated any more: its links are dead.
        ResponseEntity<JsonNode> lateRetry = api.post(peer(agency), groupBody(2), key);
        assertThat(lateRetry.getStatusCode().value()).isEqualTo(409);
        assertThat(lateRetry.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(lateRetry.getBody().toString()).doesNotContain(original.get(0)).doesNotContain(fresher.get(0));
    }

    @Test
    void aSessionStoredBeforeGroupSessionsIsReadAsOneLinkAndReissuedIntoTheNewShape() {
        String agency = agency("reissue-legacy");
        api.staff(agency);
        JsonNode logged = api.post(peer(agency), SessionApi.validBody(), MediaType.APPLICATION_JSON).getBody();
        String sessionId = logged.get("sessionId").asString();
        String oldHash = hash(tokens(logged).get(0));
        TopicProbe.awaitRecord(TestBackends.kafkaBootstrapServers(), Topics.SESSIONS,
                record -> agency.equals(record.key()));
        // As session-service stored it before group sessions: its one link in the fields of their own.
        Query byId = Query.query(Criteria.where("_id").is(sessionId));
        Document current = mongo.findOne(byId, Document.class, "sessions");
        Document link = current.getList("invitations", Document.class).get(0);
        mongo.updateFirst(byId, new org.springframework.data.mongodb.core.query.Update().unset("invitations")
                .set("invitationTokenHash", link.getString("tokenHash"))
                .set("invitationExpiresAt", link.get("expiresAt")), "sessions");

        assertThat(api.get(peer(agency), "/api/v1/sessions/" + sessionId).getBody().get("attendees").asInt())
                .isEqualTo(1);
        ResponseEntity<JsonNode> fresh = api.reissue(peer(agency), sessionId);

        assertThat(fresh.getStatusCode().value()).isEqualTo(201);
        String newHash = hash(tokens(fresh.getBody()).get(0));
        InvitationsReissued event = codec.read(TopicProbe.awaitRecord(TestBackends.kafkaBootstrapServers(),
                Topics.SESSIONS, record -> agency.equals(record.key()) && CloudEvents.header(record.headers(),
                        CloudEvents.TYPE).filter(EventTypes.INVITATIONS_REISSUED::equals).isPresent()).value(),
                InvitationsReissued.class);
        assertThat(event.replacements()).singleElement().satisfies(replacement -> {
            assertThat(replacement.replacedTokenHash()).isEqualTo(oldHash);
            assertThat(replacement.tokenHash()).isEqualTo(newHash);
        });
        Document stored = mongo.findOne(byId, Document.class, "sessions");
        assertThat(stored.getList("invitations", Document.class)).extracting(i -> i.getString("tokenHash"))
                .containsExactly(newHash);
        assertThat(stored.containsKey("invitationTokenHash")).isFalse();
        assertThat(stored.containsKey("invitationExpiresAt")).isFalse();
        assertThat(api.reissue(peer(agency), sessionId).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void aVoidedSessionOrSomeoneElsesGetsNoFreshLinks() {
        String agency = agency("reissue-refused");
        api.staff(agency, List.of(SessionApi.PROGRAM), SessionApi.SPECIALIST, "sp-okafor");
        String voided = api.logged(peer(agency), SessionApi.ownBody());
        String standing = api.logged(peer(agency), SessionApi.ownBody());
        assertThat(api.voidSession(lead(agency), voided, "logged twice").getStatusCode().value()).isEqualTo(204);

        assertProblem(api.reissue(peer(agency), voided), 409);
        assertProblem(api.reissue(lead(agency), voided), 409);
        // Another specialist of the agency is refused (the session is there, but not theirs to act on), while
        // reading it they would not find it; another agency finds nothing at all.
        assertProblem(api.reissue(peer(agency, "sp-okafor"), standing), 403);
        assertThat(api.get(peer(agency, "sp-okafor"), "/api/v1/sessions/" + standing).getStatusCode().value())
                .isEqualTo(404);
        String otherAgency = agency("reissue-other");
        assertProblem(api.reissue(lead(otherAgency), standing), 404);
        assertProblem(api.reissue(peer(otherAgency), standing), 404);
        assertProblem(api.reissue(lead(agency), "no-such-session"), 404);

        // Only the two sessions and the void: no reissue was published.
        TopicProbe.awaitRecords(TestBackends.kafkaBootstrapServers(), Topics.SESSIONS,
                record -> agency.equals(record.key()), 3);
        assertThat(published(agency)).extracting(record -> CloudEvents.header(record.headers(), CloudEvents.TYPE)
                .orElseThrow()).containsExactlyInAnyOrder(EventTypes.SESSION_LOGGED, EventTypes.SESSION_LOGGED,
                        EventTypes.SESSION_VOIDED);
    }

    private static void assertProblem(ResponseEntity<JsonNode> answer, int status) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody().toString()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().has("feedbackLinks")).isFalse();
    }

    /** Everything on the sessions topic for the agency, once whatever was stored has had time to be published. */
    private static List<ConsumerRecord<String, String>> published(String agency) {
        return TopicProbe.readAll(TestBackends.kafkaBootstrapServers(), Topics.SESSIONS, Duration.ofMillis(500))
                .stream().filter(record -> agency.equals(record.key())).toList();
    }

    private static List<String> tokens(JsonNode answer) {
        List<String> tokens = new ArrayList<>();
        answer.get("feedbackLinks").forEach(link -> tokens.add(link.get("token").asString()));
        return tokens;
    }

    private static List<String> hashes(List<String> tokens) {
        return tokens.stream().map(GroupAndReissueApiTest::hash).toList();
    }

    /** What the store and the topic hold of a token: its SHA-256, as the contract defines it. */
    private static String hash(String token) {
        return InvitationTokens.hashOf(token);
    }

    private static String agency(String purpose) {
        return purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
