package org.peerpulse.session.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peerpulse.session.web.SessionApi.PROGRAM;
import static org.peerpulse.session.web.SessionApi.RECENTLY;
import static org.peerpulse.session.web.SessionApi.SPECIALIST;
import static org.peerpulse.session.web.SessionApi.body;
import static org.peerpulse.session.web.SessionApi.lead;
import static org.peerpulse.session.web.SessionApi.ownBody;
import static org.peerpulse.session.web.SessionApi.peer;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.Topics;
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
 * Who a session is attributed to comes from the caller, over real HTTP: a specialist logs only as the specialist
 * their token names, a quality lead for an active specialist of the agency, and the program must be an active
 * one the specialist works in. A refusal names the field, and nothing is stored or published.
 */
@SessionServiceTest
class AttributionApiTest {

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
    void aSpecialistWhoNamesAnotherSpecialistIsForbiddenAndNothingIsStoredOrPublished() {
        String agency = agency();
        api.staff(agency, List.of(PROGRAM), SPECIALIST, "sp-okafor");

        ResponseEntity<JsonNode> asOkafor = api.post(peer(agency), body(PROGRAM, "sp-okafor", RECENTLY),
                MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> nobody = api.post(TestIssuer.shared().token(agency, "specialist"),
                body(PROGRAM, SPECIALIST, RECENTLY), MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> nobodyOwn = api.post(TestIssuer.shared().token(agency, "specialist"), ownBody(),
                MediaType.APPLICATION_JSON);

        for (ResponseEntity<JsonNode> refused : List.of(asOkafor, nobody, nobodyOwn)) {
            assertThat(refused.getStatusCode().value()).isEqualTo(403);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused.getBody().get("detail").asString()).isNotBlank();
            assertThat(refused.getBody().has("sessionId")).isFalse();
        }
        assertNothingStoredOrPublished(agency);
    }

    @Test
    void aSpecialistWhoLeavesThemselvesOutLogsAsThemselves() {
        String agency = agency();
        api.staff(agency, List.of(PROGRAM), SPECIALIST, "sp-okafor");

        String own = api.logged(peer(agency, "sp-okafor"), ownBody());
        String named = api.logged(peer(agency, "sp-okafor"), body(PROGRAM, "sp-okafor", RECENTLY));

        assertThat(api.get(lead(agency), "/api/v1/sessions/" + own).getBody().get("specialistId").asString())
                .isEqualTo("sp-okafor");
        assertThat(published(agency, 2)).extracting(SessionLogged::sessionId, SessionLogged::specialistId)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(own, "sp-okafor"),
                        org.assertj.core.groups.Tuple.tuple(named, "sp-okafor"));
    }

    @Test
    void theProgramMustBeAnActiveOneTheSpecialistWorksIn() {
        String agency = agency();
        api.staff(agency, List.of(PROGRAM, "drop-in"), SPECIALIST);
        api.staff(agency, List.of("respite"));
        assertThat(api.patch(lead(agency), "/api/v1/directory/programs/drop-in", "{\"active\": false}")
                .getStatusCode().value()).isEqualTo(200);

        assertRefused(api.post(peer(agency), body("nowhere", null, RECENTLY), MediaType.APPLICATION_JSON),
                "programId");
        assertRefused(api.post(peer(agency), body("drop-in", null, RECENTLY), MediaType.APPLICATION_JSON),
                "programId");
        assertRefused(api.post(peer(agency), body("respite", null, RECENTLY), MediaType.APPLICATION_JSON),
                "programId");
        assertRefused(api.post(lead(agency), body("respite", SPECIALIST, RECENTLY), MediaType.APPLICATION_JSON),
                "programId");
        // A specialist the directory does not know, however valid their token.
        assertRefused(api.post(peer(agency, "sp-unlisted"), ownBody(), MediaType.APPLICATION_JSON), "specialistId");

        assertNothingStoredOrPublished(agency);
    }

    @Test
    void aQualityLeadLogsForAnActiveSpecialistOnly() {
        String agency = agency();
        api.staff(agency, List.of(PROGRAM), SPECIALIST, "sp-carter");
        assertThat(api.patch(lead(agency), "/api/v1/directory/specialists/sp-carter", "{\"active\": false}")
                .getStatusCode().value()).isEqualTo(200);

        assertRefused(api.post(lead(agency), body(PROGRAM, "sp-carter", RECENTLY), MediaType.APPLICATION_JSON),
                "specialistId");
        assertRefused(api.post(lead(agency), body(PROGRAM, "sp-nobody", RECENTLY), MediaType.APPLICATION_JSON),
                "specialistId");
        assertRefused(api.post(lead(agency), ownBody(), MediaType.APPLICATION_JSON), "specialistId");
        assertNothingStoredOrPublished(agency);

        String forRivera = api.logged(lead(agency), body(PROGRAM, SPECIALIST, RECENTLY));

        JsonNode read = api.get(peer(agency), "/api/v1/sessions/" + forRivera).getBody();
        assertThat(read.get("specialistId").asString()).isEqualTo(SPECIALIST);
        assertThat(published(agency, 1)).singleElement().satisfies(event -> {
            assertThat(event.sessionId()).isEqualTo(forRivera);
            assertThat(event.specialistId()).isEqualTo(SPECIALIST);
            assertThat(event.programId()).isEqualTo(PROGRAM);
        });
        // The specialist it is attributed to may void it, as if they had logged it themselves.
        assertThat(api.voidSession(peer(agency), forRivera, "not a session after all").getStatusCode().value())
                .isEqualTo(204);
    }

    private void assertRefused(ResponseEntity<JsonNode> answer, String field) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody().toString()).isEqualTo(422);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().get("errors").findValuesAsString("field")).containsExactly(field);
        assertThat(answer.getBody().get("detail").asString()).contains(field);
    }

    /** No session in the store, none in the agency's list, none on the sessions topic. */
    private void assertNothingStoredOrPublished(String agency) {
        assertThat(mongo.count(Query.query(Criteria.where("agencyId").is(agency)), "sessions")).isZero();
        JsonNode list = api.get(lead(agency), "/api/v1/sessions").getBody();
        assertThat(list.get("items")).isEmpty();
        assertThat(list.get("totalItems").asLong()).isZero();
        List<ConsumerRecord<String, String>> published = TopicProbe.readAll(TestBackends.kafkaBootstrapServers(),
                Topics.SESSIONS, Duration.ofMillis(500)).stream().filter(r -> agency.equals(r.key())).toList();
        assertThat(published).isEmpty();
    }

    private List<SessionLogged> published(String agency, int count) {
        return TopicProbe.awaitRecords(TestBackends.kafkaBootstrapServers(), Topics.SESSIONS,
                        record -> agency.equals(record.key()), count).stream()
                .map(record -> codec.read(record.value(), SessionLogged.class)).toList();
    }

    private static String agency() {
        return "attribution-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
