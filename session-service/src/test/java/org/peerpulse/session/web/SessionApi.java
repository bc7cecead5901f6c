package org.peerpulse.session.web;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the running service over real HTTP and reads every answer, whatever its status, as JSON. */
final class SessionApi {

    static final String PARTICIPANT_REF = "client-ref-7Q3Z";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient client;

    SessionApi(int port) {
        this.client = RestClient.builder().baseUrl("http://127.0.0.1:" + port).build();
    }

    ResponseEntity<JsonNode> post(String token, String body, MediaType contentType) {
        return exchange(HttpMethod.POST, "/api/v1/sessions", token, Map.of(), body, contentType);
    }

    ResponseEntity<JsonNode> post(String token, String body, String idempotencyKey) {
        return exchange(HttpMethod.POST, "/api/v1/sessions", token, Map.of("Idempotency-Key", idempotencyKey), body,
                MediaType.APPLICATION_JSON);
    }

    ResponseEntity<JsonNode> get(String token, String path) {
        return exchange(HttpMethod.GET, path, token, Map.of(), null, null);
    }

    ResponseEntity<JsonNode> voidSession(String token, String sessionId, String reason) {
        return exchange(HttpMethod.POST, "/api/v1/sessions/" + sessionId + "/void", token, Map.of(),
                JSON.writeValueAsString(Map.of("reason", reason)), MediaType.APPLICATION_JSON);
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

    static String validBody() {
        return body("warmline", "sp-rivera", RECENTLY);
    }

    static String body(String programId, String specialistId, String occurredAt) {
        return """
                {"programId": "%s", "specialistId": "%s", "participantRef": "%s",
                 "occurredAt": "%s", "durationMinutes": 45, "channel": "PHONE", "activity": "PEER_SUPPORT",
                 "focusAreas": ["RECOVERY_GOALS"], "strengthsNoted": ["humor"], "valuesPracticed": ["KINDNESS"]}
                """.formatted(programId, specialistId, PARTICIPANT_REF, occurredAt);
    }
}
