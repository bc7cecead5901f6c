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
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.testsupport.PeerPulseIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Token attempts per client address, over real HTTP with a limit of 3 different tokens a minute: API and
 * form share the bucket, a redeemed token gives its attempt back, trying the same token again is free,
 * and the attempt over the limit is a 429 problem with Retry-After before any lookup.
 */
@PeerPulseIntegrationTest(properties = {"peerpulse.feedback.token-attempts-per-minute=3",
        // A second context in this JVM: its own consumer group, so it never takes session partitions from the
        // shared flow context, and closed when done.
        "spring.kafka.consumer.group-id=feedback-service-token-attempts-test"})
@DirtiesContext
class TokenAttemptsIntegrationTest {

    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EventCodec codec;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theFourthDifferentUnknownTokenWithinAMinuteIsRefused() throws Exception {
        String valid = new SessionStream(kafka, codec, mongo).invitedToken();
        assertThat(post("/api/v1/feedback", JSON, apiBody(valid)).statusCode()).isEqualTo(201);

        String first = unknownToken();
        assertThat(post("/api/v1/feedback", JSON, apiBody(first)).statusCode()).isEqualTo(404);
        assertThat(post("/f/" + unknownToken(), FORM, "harm=no").statusCode()).isEqualTo(404);
        assertThat(post("/api/v1/feedback", JSON, apiBody(unknownToken())).statusCode()).isEqualTo(404);
        // The same token again is a retry, not a guess; a body with no token is no attempt at all.
        assertThat(post("/api/v1/feedback", JSON, apiBody(first)).statusCode()).isEqualTo(404);
        assertThat(post("/api/v1/feedback", JSON, "{}").statusCode()).isEqualTo(400);

        for (HttpResponse<String> refused : java.util.List.of(
                post("/api/v1/feedback", JSON, apiBody(unknownToken())),
                post("/f/" + unknownToken(), FORM, "harm=no"))) {
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1L, 60L);
            JsonNode problem = JsonMapper.builder().build().readTree(refused.body());
            assertThat(problem.get("status").asInt()).isEqualTo(429);
        }

        assertThat(get("/api/v1/frameworks/peer-core-v1").statusCode()).isEqualTo(200);
        assertThat(get("/f/" + unknownToken()).statusCode()).isEqualTo(404);
    }

    private static String unknownToken() {
        return InvitationTokens.issue(Instant.now().minus(1, ChronoUnit.DAYS));
    }

    private static String apiBody(String token) {
        return "{\"token\": \"" + token + "\", \"harm\": {\"reported\": false}}";
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
