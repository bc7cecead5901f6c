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

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
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
