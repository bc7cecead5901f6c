package org.peerpulse.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The stack as a quality lead's client sees it: a token from the authorization server, then dashboards. */
final class StackApi {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final URI auth;
    private final URI metrics;
    private String bearer;

    StackApi(URI auth, URI metrics) {
        this.auth = auth;
        this.metrics = metrics;
    }

    void logIn(String clientId, String secret) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(auth.resolve("/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("the authorization server answered " + answer.statusCode());
        }
        bearer = json.readTree(answer.body()).path("access_token").asString();
    }

    /** The dashboard request a quality lead's page makes, as a request that can be sent many times. */
    HttpRequest dashboard(String path, LocalDate from, LocalDate to, String granularity) {
        return HttpRequest.newBuilder(metrics.resolve(path + "?from=" + from + "&to=" + to
                        + "&granularity=" + granularity))
                .header("Authorization", "Bearer " + bearer)
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
    }

    /**
     * A JSON POST, with this client's bearer token when it has logged in (a participant's answer carries none: its
     * token is in the body) and an {@code Idempotency-Key} when one is given.
     */
    HttpResponse<String> post(URI uri, String json, String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(String body) {
        return json.readTree(body);
    }

    String bearer() {
        return bearer;
    }

    JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(request.uri().getPath() + " answered " + answer.statusCode());
        }
        return json.readTree(answer.body());
    }
}
