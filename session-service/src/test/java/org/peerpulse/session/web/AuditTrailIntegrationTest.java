package org.peerpulse.session.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.peerpulse.session.web.SessionApi.validBody;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peerpulse.testsupport.TestIssuer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * A void is in session-service's audit trail with who, what, when and the agency, and so is a refused one;
 * the agency's quality lead reads both, another agency's lead neither, and the void's reason is not kept. So are
 * reissues and every change to the agency's directory.
 */
@SessionServiceTest
class AuditTrailIntegrationTest {

    private static final String REASON = "Logged twice, see the entry of 3pm";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private final TestIssuer issuer = TestIssuer.shared();

    @Test
    void aVoidIsRecordedForTheAgencysLeadOnly() {
        SessionApi api = new SessionApi(port);
        String agency = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        api.staff(agency, List.of(SessionApi.PROGRAM), "peer-ana", "peer-ben");
        String peer = specialist(agency, "peer-ana");
        String colleague = specialist(agency, "peer-ben");
        String lead = token(agency, "quality_lead", "lead-cy");
        String otherLead = token("other-" + UUID.randomUUID().toString().substring(0, 8), "quality_lead", "lead-zed");
        String sessionId = api.logged(peer, SessionApi.ownBody());
        Instant before = Instant.now().minusSeconds(1);

        assertThat(api.voidSession(colleague, sessionId, REASON).getStatusCode().value()).isEqualTo(403);
        assertThat(api.voidSession(lead, sessionId, REASON).getStatusCode().value()).isEqualTo(204);

        List<JsonNode> voids = await().atMost(Duration.ofSeconds(10))
                .until(() -> trail(api, lead, "session.void"), found -> found.size() == 1);
        JsonNode voided = voids.get(0);
        assertThat(voided.get("agencyId").asString()).isEqualTo(agency);
        assertThat(voided.get("actor").asString()).isEqualTo("lead-cy");
        assertThat(voided.get("service").asString()).isEqualTo("session-service");
        assertThat(voided.get("outcome").asInt()).isEqualTo(204);
        assertThat(voided.get("target").get("sessionId").asString()).isEqualTo(sessionId);
        assertThat(Instant.parse(voided.get("at").asString())).isBetween(before, Instant.now());

        List<JsonNode> refused = await().atMost(Duration.ofSeconds(10))
                .until(() -> trail(api, lead, "access.denied"), found -> found.size() == 1);
        assertThat(refused.get(0).get("actor").asString()).isEqualTo("peer-ben");
        assertThat(refused.get(0).get("target").get("attempted").asString()).isEqualTo("session.void");

        assertThat(trail(api, otherLead, "session.void")).isEmpty();
        assertThat(trail(api, otherLead, "access.denied")).isEmpty();
        assertThat(api.get(peer, "/api/v1/audit").getStatusCode().value()).isEqualTo(403);
        assertThat(mongo.findAll(Document.class, "audit").stream().map(Document::toJson))
                .noneMatch(json -> json.contains(REASON) || json.contains(SessionApi.PARTICIPANT_REF));
    }

    @Test
    void reissuesAndDirectoryChangesAreRecordedForTheAgencysLead() {
        SessionApi api = new SessionApi(port);
        String agency = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        String lead = token(agency, "quality_lead", "lead-cy");
        assertThat(api.addProgram(lead, "warmline", "Warm line").getStatusCode().value()).isEqualTo(201);
        assertThat(api.addSpecialist(lead, "peer-ana", List.of("warmline")).getStatusCode().value()).isEqualTo(201);
        assertThat(api.patch(lead, "/api/v1/directory/programs/warmline", "{\"active\": true}").getStatusCode()
                .value()).isEqualTo(200);
        String sessionId = api.logged(specialist(agency, "peer-ana"), SessionApi.ownBody());
        assertThat(api.reissue(specialist(agency, "peer-ana"), sessionId).getStatusCode().value()).isEqualTo(201);

        for (String action : List.of("directory.program.add", "directory.specialist.add", "directory.program.change")) {
            List<JsonNode> changes = await().atMost(Duration.ofSeconds(10))
                    .until(() -> trail(api, lead, action), found -> found.size() == 1);
            assertThat(changes.get(0).get("actor").asString()).isEqualTo("lead-cy");
            assertThat(changes.get(0).get("agencyId").asString()).isEqualTo(agency);
        }
        List<JsonNode> reissues = await().atMost(Duration.ofSeconds(10))
                .until(() -> trail(api, lead, "session.reissue"), found -> found.size() == 1);
        assertThat(reissues.get(0).get("actor").asString()).isEqualTo("peer-ana");
        assertThat(reissues.get(0).get("outcome").asInt()).isEqualTo(201);
        assertThat(reissues.get(0).get("target").get("sessionId").asString()).isEqualTo(sessionId);
        // The trail says that links were issued, never which.
        assertThat(mongo.findAll(Document.class, "audit").stream().map(Document::toJson))
                .noneMatch(json -> json.contains("/f/"));
    }

    private static List<JsonNode> trail(SessionApi api, String token, String action) {
        ResponseEntity<JsonNode> answer = api.get(token, "/api/v1/audit?action=" + action);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        answer.getBody().get("items").forEach(items::add);
        return items;
    }

    private String specialist(String agency, String subject) {
        return issuer.token(Map.of("agency", agency, "roles", List.of("specialist"), "sub", subject,
                "specialist", subject), Duration.ofMinutes(5));
    }

    private String token(String agency, String role, String subject) {
        return issuer.token(Map.of("agency", agency, "roles", List.of(role), "sub", subject), Duration.ofMinutes(5));
    }
}
