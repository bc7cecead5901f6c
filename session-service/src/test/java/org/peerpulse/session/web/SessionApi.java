package org.peerpulse.session.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.peerpulse.testsupport.TestIssuer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the running service over real HTTP and reads every answer, whatever its status, as JSON; and keeps an
 * agency's directory the way its quality lead does, so that sessions can name its programs and specialists.
 */
final class SessionApi {

    static final String PARTICIPANT_REF = "client-ref-7Q3Z";
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The program and the specialist {@link #validBody()} names, and {@link #staff(String)} adds. */
    static final String PROGRAM = "warmline";
    static final String SPECIALIST = "sp-rivera";

    private final RestClient client;

    SessionApi(int port) {
        this.client = RestClient.builder().baseUrl("http://127.0.0.1:" + port).build();
    }

    /** A quality lead of {@code agency}. */
    static String lead(String agency) {
        return TestIssuer.shared().token(agency, "quality_lead");
    }

    /** {@link #SPECIALIST} of {@code agency}, as their token names them. */
    static String peer(String agency) {
        return peer(agency, SPECIALIST);
    }

    /** A specialist of {@code agency} whose token names them {@code specialistId}. */
    static String peer(String agency, String specialistId) {
        return TestIssuer.shared().specialistToken(agency, specialistId);
    }

    /** {@link #PROGRAM} with {@link #SPECIALIST} working in it, in {@code agency}'s directory. */
    SessionApi staff(String agency) {
        return staff(agency, List.of(PROGRAM), SPECIALIST);
    }

    /**
     * As {@code agency}'s quality lead, through the directory API: adds each program that is missing, and each
     * specialist that is missing working in all of {@code programs} (one already there gets the programs it lacks).
     */
    SessionApi staff(String agency, List<String> programs, String... specialists) {
        String lead = lead(agency);
        JsonNode directory = get(lead, "/api/v1/directory/programs").getBody();
        Set<String> existing = directory.get("programs").valueStream().map(p -> p.get("id").asString())
                .collect(Collectors.toSet());
        for (String program : programs) {
            if (!existing.contains(program)) {
                assertThat(addProgram(lead, program, "Program " + program).getStatusCode().value())
                        .as("adding program %s", program).isEqualTo(201);
            }
        }
        Map<String, List<String>> theirs = new LinkedHashMap<>();
        directory.get("specialists").forEach(s -> theirs.put(s.get("id").asString(),
                s.get("programs").valueStream().map(JsonNode::asString).toList()));
        for (String specialist : specialists) {
            List<String> had = theirs.get(specialist);
            if (had == null) {
                assertThat(addSpecialist(lead, specialist, programs).getStatusCode().value())
                        .as("adding specialist %s", specialist).isEqualTo(201);
            } else if (!had.containsAll(programs)) {
                List<String> all = new ArrayList<>(had);
                programs.stream().filter(program -> !had.contains(program)).forEach(all::add);
                assertThat(patch(lead, "/api/v1/directory/specialists/" + specialist,
                        JSON.writeValueAsString(Map.of("programs", all))).getStatusCode().value()).isEqualTo(200);
            }
        }
        return this;
    }

    ResponseEntity<JsonNode> addProgram(String token, String id, String name) {
        return exchange(HttpMethod.POST, "/api/v1/directory/programs", token, Map.of(),
                JSON.writeValueAsString(Map.of("id", id, "name", name)), MediaType.APPLICATION_JSON);
    }

    ResponseEntity<JsonNode> addSpecialist(String token, String id, List<String> programs) {
        return exchange(HttpMethod.POST, "/api/v1/directory/specialists", token, Map.of(),
                JSON.writeValueAsString(Map.of("id", id, "name", "Specialist " + id, "programs", programs)),
                MediaType.APPLICATION_JSON);
    }

    ResponseEntity<JsonNode> patch(String token, String path, String body) {
        return exchange(HttpMethod.PATCH, path, token, Map.of(), body, MediaType.APPLICATION_JSON);
    }

    ResponseEntity<JsonNode> putSettings(String token, String body) {
        return exchange(HttpMethod.PUT, "/api/v1/settings", token, Map.of(), body, MediaType.APPLICATION_JSON);
    }

    ResponseEntity<JsonNode> post(String token, String body, MediaType contentType) {
        return exchange(HttpMethod.POST, "/api/v1/sessions", token, Map.of(), body, contentType);
    }

    ResponseEntity<JsonNode> post(String token, String body, String idempotencyKey) {
        return exchange(HttpMethod.POST, "/api/v1/sessions", token, Map.of("Idempotency-Key", idempotencyKey), body,
                MediaType.APPLICATION_JSON);
    }

    /** Logs a session that must be accepted, and answers its id. */
    String logged(String token, String body) {
        ResponseEntity<JsonNode> answer = post(token, body, MediaType.APPLICATION_JSON);
        assertThat(answer.getStatusCode().value()).as("logging a session: %s", answer.getBody()).isEqualTo(201);
        return answer.getBody().get("sessionId").asString();
    }

    ResponseEntity<JsonNode> get(String token, String path) {
        return exchange(HttpMethod.GET, path, token, Map.of(), null, null);
    }

    ResponseEntity<JsonNode> voidSession(String token, String sessionId, String reason) {
        return exchange(HttpMethod.POST, "/api/v1/sessions/" + sessionId + "/void", token, Map.of(),
                JSON.writeValueAsString(Map.of("reason", reason)), MediaType.APPLICATION_JSON);
    }

    ResponseEntity<JsonNode> reissue(String token, String sessionId) {
        return exchange(HttpMethod.POST, "/api/v1/sessions/" + sessionId + "/invitations", token, Map.of(), null,
                null);
    }

    ResponseEntity<JsonNode> exchange(HttpMethod method, String path, String token, Map<String, String> headers,
            String body, MediaType contentType) {
        RestClient.RequestBodySpec request = client.method(method).uri(path)
                .headers(h -> {
                    bearer(h, token);
                    headers.forEach(h::set);
                });
        if (body != null) {
            request.contentType(contentType).body(body);
        }
        return request.exchange((req, response) -> ResponseEntity.status(response.getStatusCode())
                .headers(response.getHeaders()).body(readBody(response.getBody().readAllBytes())));
    }

    private static void bearer(HttpHeaders headers, String token) {
        if (token != null) {
            headers.setBearerAuth(token);
        }
    }

    private static JsonNode readBody(byte[] bytes) {
        return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
    }

    /** Three hours ago, to the second: a moment every valid body may name. */
    static final String RECENTLY = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS).toString();

    /** {@link #SPECIALIST}'s session in {@link #PROGRAM}, naming the specialist. */
    static String validBody() {
        return body(PROGRAM, SPECIALIST, RECENTLY);
    }

    /** A session in {@link #PROGRAM} that leaves the specialist out: whoever's token logs it, it is theirs. */
    static String ownBody() {
        return body(PROGRAM, null, RECENTLY);
    }

    /** {@link #validBody()} for a group of {@code attendees}. */
    static String groupBody(int attendees) {
        return validBody().replace("{", "{\"attendees\": " + attendees + ", ");
    }

    /** A session body; a {@code null} specialist is left out. */
    static String body(String programId, String specialistId, String occurredAt) {
        String specialist = specialistId == null ? "" : "\"specialistId\": \"" + specialistId + "\", ";
        return """
                {"programId": "%s", %s"participantRef": "%s",
                 "occurredAt": "%s", "durationMinutes": 45, "channel": "PHONE", "activity": "PEER_SUPPORT",
                 "focusAreas": ["RECOVERY_GOALS"], "strengthsNoted": ["humor"], "valuesPracticed": ["KINDNESS"]}
                """.formatted(programId, specialist, PARTICIPANT_REF, occurredAt);
    }
}
