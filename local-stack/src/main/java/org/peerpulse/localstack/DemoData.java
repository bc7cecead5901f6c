package org.peerpulse.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.ItemKind;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds a month of sessions and answers for two agencies through the public HTTP APIs only, exactly as a
 * specialist's app and a participant's phone would: a token from the authorization server, sessions to
 * session-service, answers to feedback-service. Each run adds new data; {@code --fresh} starts over.
 */
public final class DemoData {

    private static final int SESSIONS_PER_AGENCY = 14;
    private static final Duration INVITATION_WAIT = Duration.ofSeconds(30);

    private record Agency(String client, String secret, List<String> programs, List<String> specialists) {
    }

    private static final List<Agency> AGENCIES = List.of(
            new Agency("harbor-peer", "harbor-peer-secret", List.of("harbor-recovery-coaching", "harbor-housing-first"),
                    List.of("sp-ana", "sp-ben", "sp-cleo")),
            new Agency("sunrise-peer", "sunrise-peer-secret", List.of("sunrise-youth-peers", "sunrise-wellness-center"),
                    List.of("sp-dev", "sp-eli", "sp-fay")));

    private static final List<String> CHANNELS = List.of("IN_PERSON", "IN_PERSON", "PHONE", "VIDEO", "TEXT", "GROUP");
    private static final List<String> ACTIVITIES = List.of("PEER_SUPPORT", "PEER_SUPPORT", "PEER_SUPPORT",
            "GROUP_FACILITATION", "ADVOCACY", "RESOURCE_NAVIGATION", "NON_PEER_TASK");
    private static final List<String> FOCUS = List.of("RECOVERY_GOALS", "WELLNESS", "HOUSING", "EMPLOYMENT",
            "RELATIONSHIPS", "SUBSTANCE_USE", "BENEFITS");
    private static final List<String> STRENGTHS = List.of("persistence", "humor", "honesty", "curiosity", "caring");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Random random = new Random(2026);
    private final StackPlan.Endpoints at;

    public DemoData(Ports ports) {
        this.at = new StackPlan.Endpoints(ports);
    }

    /** What was seeded. */
    public record Seeded(int sessions, int answers, Duration took) {
    }

    /**
     * Logs {@value #SESSIONS_PER_AGENCY} sessions per agency and answers about four in five of them.
     *
     * @throws IllegalStateException when an API answers something unexpected, naming the call and status
     */
    public Seeded seed() throws IOException, InterruptedException {
        long started = System.nanoTime();
        int sessions = 0;
        int answers = 0;
        for (Agency agency : AGENCIES) {
            String bearer = token(agency);
            for (int i = 0; i < SESSIONS_PER_AGENCY; i++) {
                JsonNode logged = logSession(agency, bearer, i);
                sessions++;
                if (random.nextInt(10) < 8) {
                    answer(logged.path("feedback").path("token").asString());
                    answers++;
                }
            }
        }
        return new Seeded(sessions, answers, Duration.ofNanos(System.nanoTime() - started));
    }

    private String token(Agency agency) throws IOException, InterruptedException {
        String basic = Base64.getEncoder()
                .encodeToString((agency.client() + ":" + agency.secret()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(at.issuer() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build(), HttpResponse.BodyHandlers.ofString());
        expect(answer, 200, "token for " + agency.client());
        return json.readTree(answer.body()).path("access_token").asString();
    }

    private JsonNode logSession(Agency agency, String bearer, int index) throws IOException, InterruptedException {
        Instant occurredAt = Instant.now().truncatedTo(ChronoUnit.MINUTES)
                .minus(Duration.ofDays(1 + random.nextInt(28)))
                .minus(Duration.ofMinutes(random.nextInt(600)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("programId", agency.programs().get(index % agency.programs().size()));
        body.put("specialistId", agency.specialists().get(random.nextInt(agency.specialists().size())));
        body.put("participantRef", "demo-participant-" + (1 + random.nextInt(20)));
        body.put("occurredAt", occurredAt.toString());
        body.put("durationMinutes", 20 + 5 * random.nextInt(12));
        body.put("channel", pick(CHANNELS));
        body.put("activity", pick(ACTIVITIES));
        body.put("focusAreas", random.nextInt(4) == 0 ? List.of() : List.of(pick(FOCUS)));
        body.put("strengthsNoted", random.nextBoolean() ? List.of(pick(STRENGTHS)) : List.of());
        body.put("valuesPracticed", List.of(pickItem(ItemKind.VALUE), pickItem(ItemKind.VALUE)).stream().distinct().toList());
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(at.http(at.ports().session()) + "/api/v1/sessions"))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
        expect(answer, 201, "POST /api/v1/sessions");
        return json.readTree(answer.body());
    }

    /** The invitation reaches feedback-service through Kafka, so it may answer 404 or 503 for a moment. */
    private void answer(String token) throws IOException, InterruptedException {
        Map<String, Integer> ratings = new LinkedHashMap<>();
        Frameworks.PEER_CORE_V1.items().stream()
                .filter(item -> item.kind() == ItemKind.VALUE || item.kind() == ItemKind.PRINCIPLE)
                .forEach(item -> ratings.put(item.code(), rating()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", token);
        body.put("ratings", ratings);
        body.put("hope", rating());
        body.put("harm", Map.of("reported", false));
        body.put("language", "en");
        body.put("mode", "OWN_DEVICE");
        HttpRequest request = HttpRequest.newBuilder(URI.create(at.http(at.ports().feedback()) + "/api/v1/feedback"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        long deadline = System.nanoTime() + INVITATION_WAIT.toNanos();
        while (true) {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            boolean notArrivedYet = answer.statusCode() == 404 || answer.statusCode() == 503;
            if (notArrivedYet && System.nanoTime() > deadline) {
                throw new IllegalStateException("an invitation did not reach feedback-service within "
                        + INVITATION_WAIT.toSeconds() + " s (last answer " + answer.statusCode()
                        + "); see the session-service and feedback-service logs");
            }
            if (!notArrivedYet) {
                expect(answer, 201, "POST /api/v1/feedback");
                return;
            }
            Thread.sleep(250);
        }
    }

    /** Mostly good sessions, now and then a weaker one, so the dashboards have something to show. */
    private int rating() {
        int roll = random.nextInt(20);
        return roll == 0 ? 2 : roll < 4 ? 3 : roll < 11 ? 4 : 5;
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String pickItem(ItemKind kind) {
        var items = Frameworks.PEER_CORE_V1.itemsOfKind(kind);
        return items.get(random.nextInt(items.size())).code();
    }

    private static void expect(HttpResponse<String> answer, int status, String what) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }
}
