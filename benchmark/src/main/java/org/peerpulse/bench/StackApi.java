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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

    /**
     * As a quality lead, puts {@code programs} into the agency's directory and {@code specialist} on all of them,
     * so sessions attributed to the specialist in those programs are accepted. What is there already stays.
     */
    void prepareDirectory(URI sessionService, String specialist, List<String> programs)
            throws IOException, InterruptedException {
        for (String program : programs) {
            expect(post(sessionService.resolve("/api/v1/directory/programs"),
                    "{\"id\":\"" + program + "\",\"name\":\"Benchmark " + program + "\"}", null), 201, 422);
        }
        String list = json.writeValueAsString(programs);
        HttpResponse<String> added = post(sessionService.resolve("/api/v1/directory/specialists"),
                "{\"id\":\"" + specialist + "\",\"name\":\"Benchmark specialist\",\"programs\":" + list + "}", null);
        if (added.statusCode() == 422) {
            // Already there (a stack that was not started fresh): on these programs, besides their own.
            JsonNode directory = send(HttpRequest.newBuilder(sessionService.resolve("/api/v1/directory/specialists"))
                    .header("Authorization", "Bearer " + bearer).GET().build());
            Set<String> theirs = new LinkedHashSet<>(programs);
            directory.path("specialists").forEach(known -> {
                if (known.path("id").asString().equals(specialist)) {
                    known.path("programs").forEach(program -> theirs.add(program.asString()));
                }
            });
            expect(http.send(HttpRequest.newBuilder(sessionService.resolve("/api/v1/directory/specialists/" + specialist))
                    .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(
                            "{\"active\":true,\"programs\":" + json.writeValueAsString(theirs) + "}"))
                    .build(), HttpResponse.BodyHandlers.ofString()), 200);
        } else {
            expect(added, 201);
        }
    }

    private static void expect(HttpResponse<String> answer, int... statuses) {
        for (int status : statuses) {
            if (answer.statusCode() == status) {
                return;
            }
        }
        throw new IllegalStateException(answer.request().uri().getPath() + " answered " + answer.statusCode());
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
