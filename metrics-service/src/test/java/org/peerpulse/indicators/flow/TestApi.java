package org.peerpulse.indicators.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.peerpulse.testsupport.TestIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** metrics-service's HTTP API over a real socket, with tokens from the shared test issuer. */
final class TestApi {

    static final JsonMapper JSON = JsonMapper.builder().build();

    record Answer(int status, String contentType, JsonNode body) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    TestApi(int port) {
        this.port = port;
    }

    /** A token of {@code agency} with one role and {@code subject} as its {@code sub}. */
    static String token(String agency, String role, String subject) {
        return TestIssuer.shared().token(Map.of("agency", agency, "roles", List.of(role), "sub", subject),
                Duration.ofMinutes(10));
    }

    Answer get(String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    Answer post(String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()), token);
    }

    static void assertProblem(Answer answer, int status) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("status").asInt()).isEqualTo(status);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private Answer send(HttpRequest.Builder request, String token) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body()));
    }
}
