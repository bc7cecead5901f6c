package org.peerpulse.feedback.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.InvitationTokens;
import org.peerpulse.testsupport.PeerPulseIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Token attempts per client address, over real HTTP with a small limit: API and form share one bucket,
 * the attempt over the limit is a 429 problem with Retry-After, and reading is not limited.
 */
@PeerPulseIntegrationTest(properties = "peerpulse.feedback.token-attempts-per-minute=3")
class TokenAttemptsIntegrationTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theFourthAttemptWithinAMinuteIsRefusedUntilTheBucketRefills() throws Exception {
        String unknown = InvitationTokens.issue(Instant.now().minus(1, ChronoUnit.DAYS));

        assertThat(post("/api/v1/feedback", "application/json",
                "{\"token\": \"" + unknown + "\", \"harm\": {\"reported\": false}}").statusCode()).isEqualTo(404);
        assertThat(post("/f/" + unknown, "application/x-www-form-urlencoded", "harm=no").statusCode()).isEqualTo(404);
        assertThat(post("/api/v1/feedback", "application/json", "{}").statusCode()).isEqualTo(400);

        for (HttpResponse<String> refused : new HttpResponse[] {
                post("/api/v1/feedback", "application/json", "{\"token\": \"" + unknown + "\"}"),
                post("/f/" + unknown, "application/x-www-form-urlencoded", "harm=no")}) {
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1L, 60L);
            JsonNode problem = JsonMapper.builder().build().readTree(refused.body());
            assertThat(problem.get("status").asInt()).isEqualTo(429);
            assertThat(refused.body()).doesNotContain(unknown);
        }

        HttpResponse<String> reading = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/frameworks/peer-core-v1")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reading.statusCode()).isEqualTo(200);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/f/" + unknown))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
