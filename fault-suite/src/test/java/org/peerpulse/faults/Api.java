package org.peerpulse.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.peerpulse.testsupport.TestIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public HTTP API of the three services, over real sockets with tokens from the shared test issuer, as a
 * specialist, a participant and a quality lead would call it. Every answer is read, whatever its status.
 */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, JsonNode body, Map<String, List<String>> headers) {
    }

    private final RunningService sessions;
    private final RunningService feedback;
    private final RunningService metrics;

    Api(RunningService sessions, RunningService feedback, RunningService metrics) {
        this.sessions = sessions;
        this.feedback = feedback;
        this.metrics = metrics;
    }

    /** The same services, reading dashboards from another metrics-service instance. */
    Api withMetrics(RunningService other) {
        return new Api(sessions, feedback, other);
    }

    /** The same services, logging and listing sessions through another session-service instance. */
    Api withSessions(RunningService other) {
        return new Api(other, feedback, metrics);
    }

    RunningService metrics() {
        return metrics;
    }

    Answer logSession(String agency, String specialist, String body, String idempotencyKey) {
        HttpRequest.Builder request = post(sessions, "/api/v1/sessions", body)
                .header("Authorization", "Bearer " + TestIssuer.shared().specialistToken(agency, specialist));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    /**
     * As the agency's quality lead, puts {@code program} and {@code specialist} (working in it) into the agency's
     * directory; a session is attributed only to those. An id already there is answered 422 and left as it is.
     */
    boolean prepareDirectory(String agency, String program, String specialist) {
        Answer programAdded = send(post(sessions, "/api/v1/directory/programs",
                "{\"id\": \"%s\", \"name\": \"Warm line\"}".formatted(program))
                .header("Authorization", "Bearer " + leadToken(agency)));
        Answer specialistAdded = send(post(sessions, "/api/v1/directory/specialists",
                "{\"id\": \"%s\", \"name\": \"Ana Rivera\", \"programs\": [\"%s\"]}".formatted(specialist,
                        program))
                .header("Authorization", "Bearer " + leadToken(agency)));
        return List.of(201, 422).contains(programAdded.status()) && List.of(201, 422).contains(specialistAdded.status());
    }

    /** The participant's submission: no login, the token is the credential. */
    Answer submitFeedback(String body) {
        return send(post(feedback, "/api/v1/feedback", body));
    }

    Answer dashboard(String agency, String scopePath, LocalDate from, LocalDate to) {
        return send(get(metrics, "/api/v1/dashboards/" + scopePath + "?from=" + from + "&to=" + to
                + "&granularity=day").header("Authorization", "Bearer " + leadToken(agency)));
    }

    Answer sessionsOf(String agency, LocalDate from, LocalDate to, int page) {
        return send(get(sessions, "/api/v1/sessions?from=" + from + "&to=" + to + "&page=" + page + "&size=100")
                .header("Authorization", "Bearer " + leadToken(agency)));
    }

    static Answer readiness(RunningService service) {
        return send(get(service, "/actuator/health/readiness"));
    }

    /** Readiness as ops see it: with each contributor's details. */
    static Answer readinessDetails(RunningService service) {
        return send(get(service, "/actuator/health/readiness")
                .header("Authorization", "Bearer " + TestIssuer.shared().token(Map.of("roles", List.of("ops")),
                        Duration.ofMinutes(10))));
    }

    private static String leadToken(String agency) {
        return TestIssuer.shared().token(agency, "quality_lead");
    }

    private static HttpRequest.Builder post(RunningService service, String path, String body) {
        return HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpRequest.Builder get(RunningService service, String path) {
        return HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).timeout(TIMEOUT).GET();
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode json = body == null || body.isBlank() ? JSON.nullNode() : readOrText(body);
            return new Answer(response.statusCode(), json, response.headers().map());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("request failed: " + request.build().uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode readOrText(String body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
