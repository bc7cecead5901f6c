package org.peerpulse.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.peerpulse.contracts.FrameworkItem;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.ItemKind;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds a realistic month for two agencies through the public HTTP APIs only, exactly as a quality lead, a
 * specialist's app and a participant's phone would: a token from the authorization server, the agency's
 * programs and specialists to its directory (those not there yet), sessions to session-service (logged by the
 * quality lead on each specialist's behalf), answers to feedback-service. Each run adds new sessions;
 * {@code --fresh} starts over.
 *
 * <p>The month is planned first from a fixed seed (so every run tells the same story: each specialist has
 * their own strengths, the month gets a little better towards its end, a few participants report harm, and
 * one new specialist has too few answers to show), then sent with a few parallel connections: all sessions,
 * then all answers, by when most invitations have already travelled over Kafka to feedback-service.
 */
public final class DemoData {

    private static final Duration INVITATION_WAIT = Duration.ofSeconds(30);
    private static final long RETRY_MILLIS = 200;
    private static final int CONNECTIONS = 8;
    private static final int DAYS = 30;

    /**
     * A specialist of the demo.
     *
     * @param sessions how many sessions they log in the month
     * @param base their usual rating, before item and day effects
     * @param strong items participants rate them higher on
     * @param growing items where they are still growing
     */
    private record Specialist(String id, List<String> programs, int sessions, double base, Set<String> strong,
            Set<String> growing) {
    }

    /** An agency of the demo: its quality lead's client, its programs (id to name) and its specialists. */
    private record Agency(String client, String secret, Map<String, String> programs, List<Specialist> specialists,
            int harmReports) {
    }

    private static final List<Agency> AGENCIES = List.of(
            new Agency("harbor-lead", "harbor-lead-secret", Map.of(
                    "harbor-recovery-coaching", "Recovery coaching",
                    "harbor-housing-first", "Housing First",
                    "harbor-crisis-line", "Crisis warm line"), List.of(
                    new Specialist("ana-rivera", List.of("harbor-recovery-coaching", "harbor-housing-first"), 52, 4.3,
                            Set.of("KINDNESS", "EMPATHY", "SAFE_ATMOSPHERE"), Set.of("CREATIVITY")),
                    new Specialist("ben-carter", List.of("harbor-recovery-coaching"), 44, 3.9,
                            Set.of("GIVING_BACK", "RECOVERY_FOCUS"), Set.of("CAUTION", "GENTLENESS")),
                    new Specialist("cleo-nguyen", List.of("harbor-housing-first", "harbor-crisis-line"), 40, 4.1,
                            Set.of("HELPFULNESS", "STRENGTH_BASED"), Set.of("COURAGE")),
                    // A new specialist with three sessions: too few answers to show on any dashboard.
                    new Specialist("dara-lopez", List.of("harbor-crisis-line"), 3, 4.0, Set.of(), Set.of())),
                    3),
            new Agency("sunrise-lead", "sunrise-lead-secret", Map.of(
                    "sunrise-youth-peers", "Youth peers",
                    "sunrise-wellness-center", "Wellness center"), List.of(
                    new Specialist("dev-patel", List.of("sunrise-youth-peers"), 46, 4.4,
                            Set.of("CREATIVITY", "COURAGE", "NO_STIGMA"), Set.of("CAUTION")),
                    new Specialist("eli-brooks", List.of("sunrise-youth-peers", "sunrise-wellness-center"), 40, 3.8,
                            Set.of("GENTLENESS", "GENUINE_ROLE"), Set.of("HELPFULNESS", "RECOVERY_FOCUS")),
                    new Specialist("fay-morgan", List.of("sunrise-wellness-center"), 38, 4.2,
                            Set.of("EMPATHY", "KINDNESS"), Set.of("GIVING_BACK"))),
                    1));

    private static final List<String> CHANNELS = List.of("IN_PERSON", "IN_PERSON", "IN_PERSON", "PHONE", "VIDEO",
            "TEXT", "GROUP");
    private static final List<String> ACTIVITIES = List.of("PEER_SUPPORT", "PEER_SUPPORT", "PEER_SUPPORT",
            "PEER_SUPPORT", "GROUP_FACILITATION", "ADVOCACY", "RESOURCE_NAVIGATION", "NON_PEER_TASK");
    private static final List<String> FOCUS = List.of("RECOVERY_GOALS", "WELLNESS", "HOUSING", "EMPLOYMENT",
            "RELATIONSHIPS", "SUBSTANCE_USE", "BENEFITS", "PHYSICAL_HEALTH", "EDUCATION");
    private static final List<String> STRENGTHS = List.of("persistence", "humor", "honesty", "curiosity", "caring",
            "showing up", "asking for help");
    private static final List<FrameworkItem> RATED = Frameworks.PEER_CORE_V1.items().stream()
            .filter(item -> item.kind() == ItemKind.VALUE || item.kind() == ItemKind.PRINCIPLE)
            .toList();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final StackPlan.Endpoints at;

    public DemoData(Ports ports) {
        this.at = new StackPlan.Endpoints(ports);
    }

    /** What was seeded. */
    public record Seeded(int sessions, int answers, int harmReports, Duration took) {
    }

    /** One session to log, and the answers its participant will give ({@code null}: no answer). */
    private record Planned(String bearer, Specialist specialist, Map<String, Object> session,
            Map<String, Object> answers) {
    }

    /**
     * Logs about 260 sessions over the last 30 days and answers about three in four of them.
     *
     * @throws IllegalStateException when an API answers something unexpected, naming the call and status
     */
    public Seeded seed() throws IOException, InterruptedException {
        long started = System.nanoTime();
        List<Planned> month = plan();
        ExecutorService connections = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            List<CompletableFuture<String>> logged = month.stream()
                    .map(planned -> CompletableFuture.supplyAsync(() -> logSession(planned), connections))
                    .toList();
            List<CompletableFuture<Void>> answered = new ArrayList<>();
            for (int i = 0; i < month.size(); i++) {
                String token = join(logged.get(i));
                Map<String, Object> answers = month.get(i).answers();
                if (answers != null) {
                    Map<String, Object> body = new LinkedHashMap<>(answers);
                    body.put("token", token);
                    answered.add(answer(body, System.nanoTime() + INVITATION_WAIT.toNanos(), connections));
                }
            }
            answered.forEach(DemoData::join);
            int harm = (int) month.stream().filter(planned -> planned.answers() != null)
                    .filter(planned -> Boolean.TRUE.equals(((Map<?, ?>) planned.answers().get("harm")).get("reported")))
                    .count();
            return new Seeded(month.size(), answered.size(), harm, Duration.ofNanos(System.nanoTime() - started));
        }
        finally {
            connections.shutdownNow();
            connections.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private List<Planned> plan() throws IOException, InterruptedException {
        Random random = new Random(2026);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        List<Planned> month = new ArrayList<>();
        for (Agency agency : AGENCIES) {
            String bearer = token(agency);
            directory(agency, bearer);
            List<Planned> ofAgency = new ArrayList<>();
            for (Specialist specialist : agency.specialists()) {
                for (int i = 0; i < specialist.sessions(); i++) {
                    // Days 1..29 ago (never today, so every session is safely in the past), working hours.
                    int daysAgo = 1 + random.nextInt(DAYS - 1);
                    Instant occurredAt = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(daysAgo))
                            .plus(Duration.ofMinutes(8 * 60 + random.nextInt(10 * 60)));
                    Map<String, Object> session = session(specialist, specialist.programs().get(i % specialist.programs().size()),
                            occurredAt, random);
                    boolean answers = specialist.sessions() < 5 || random.nextInt(100) < 76;
                    ofAgency.add(new Planned(bearer, specialist, session,
                            answers ? answers(specialist, daysAgo, false, random) : null));
                }
            }
            // A few participants report harm: a session that went badly, spread over the agency's month.
            // The new specialist's sessions are left alone, so they keep too few answers to show.
            for (int report = 0, at = 11; report < agency.harmReports(); at += 37) {
                Planned planned = ofAgency.get(at % ofAgency.size());
                if (planned.specialist().sessions() >= 5) {
                    ofAgency.set(at % ofAgency.size(), new Planned(planned.bearer(), planned.specialist(),
                            planned.session(), answers(planned.specialist(), 10, true, random)));
                    report++;
                }
            }
            month.addAll(ofAgency);
        }
        return month;
    }

    private static Map<String, Object> session(Specialist specialist, String program, Instant occurredAt,
            Random random) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("programId", program);
        body.put("specialistId", specialist.id());
        body.put("participantRef", "demo-participant-" + (1 + random.nextInt(60)));
        body.put("occurredAt", occurredAt.toString());
        body.put("durationMinutes", 15 + 5 * random.nextInt(16));
        body.put("channel", pick(CHANNELS, random));
        body.put("activity", pick(ACTIVITIES, random));
        int focus = random.nextInt(10);
        body.put("focusAreas", focus < 2 ? List.of()
                : focus < 7 ? List.of(pick(FOCUS, random)) : List.of(pick(FOCUS, random), pick(FOCUS, random)).stream()
                        .distinct().toList());
        body.put("strengthsNoted", random.nextInt(10) < 6 ? List.of(pick(STRENGTHS, random)) : List.of());
        List<String> practiced = new ArrayList<>(specialist.strong().stream()
                .filter(code -> Frameworks.PEER_CORE_V1.itemsOfKind(ItemKind.VALUE).stream()
                        .anyMatch(item -> item.code().equals(code)))
                .sorted().limit(1).toList());
        String value = Frameworks.PEER_CORE_V1.itemsOfKind(ItemKind.VALUE)
                .get(random.nextInt(Frameworks.PEER_CORE_V1.itemsOfKind(ItemKind.VALUE).size())).code();
        if (!practiced.contains(value)) {
            practiced.add(value);
        }
        body.put("valuesPracticed", practiced);
        return body;
    }

    /**
     * A participant's answers: the specialist's usual level, higher on their strengths, lower where they are
     * growing, a little better late in the month, and the noise of real people; now and then an item skipped.
     */
    private static Map<String, Object> answers(Specialist specialist, int daysAgo, boolean harm, Random random) {
        double lift = 0.35 * (DAYS - daysAgo) / DAYS;
        double mood = random.nextGaussian() * 0.45 + (harm ? -1.8 : 0);
        Map<String, Integer> ratings = new LinkedHashMap<>();
        for (FrameworkItem item : RATED) {
            if (!harm && random.nextInt(100) < 4) {
                continue;
            }
            double effect = specialist.strong().contains(item.code()) ? 0.55
                    : specialist.growing().contains(item.code()) ? -0.7 : 0;
            ratings.put(item.code(), rating(specialist.base() + effect + lift + mood + random.nextGaussian() * 0.6));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ratings", ratings);
        body.put("hope", rating(specialist.base() + lift + mood + random.nextGaussian() * 0.7));
        body.put("harm", Map.of("reported", harm));
        body.put("language", random.nextInt(5) == 0 ? "es" : "en");
        body.put("mode", random.nextInt(4) == 0 ? "KIOSK" : "OWN_DEVICE");
        return body;
    }

    private static int rating(double value) {
        return (int) Math.max(1, Math.min(5, Math.round(value)));
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

    /** Adds the agency's programs and specialists that its directory does not hold yet. */
    private void directory(Agency agency, String bearer) {
        String base = at.http(at.ports().session()) + "/api/v1/directory/";
        HttpResponse<String> current = send(HttpRequest.newBuilder(URI.create(base + "programs"))
                .header("Authorization", "Bearer " + bearer).GET().build());
        expect(current, 200, "GET /api/v1/directory/programs");
        JsonNode directory = json.readTree(current.body());
        Set<String> programs = new HashSet<>();
        directory.path("programs").forEach(program -> programs.add(program.path("id").asString()));
        Set<String> specialists = new HashSet<>();
        directory.path("specialists").forEach(specialist -> specialists.add(specialist.path("id").asString()));
        agency.programs().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(program -> !programs.contains(program.getKey()))
                .forEach(program -> post(base + "programs", bearer,
                        Map.of("id", program.getKey(), "name", program.getValue())));
        agency.specialists().stream().filter(specialist -> !specialists.contains(specialist.id()))
                .forEach(specialist -> post(base + "specialists", bearer, Map.of("id", specialist.id(),
                        "name", nameOf(specialist.id()), "programs", specialist.programs())));
    }

    private void post(String url, String bearer, Map<String, Object> body) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build());
        expect(answer, 201, "POST " + URI.create(url).getPath());
    }

    /** "ana-rivera" is Ana Rivera. */
    private static String nameOf(String id) {
        return Arrays.stream(id.split("-"))
                .map(part -> Character.toUpperCase(part.charAt(0)) + part.substring(1))
                .collect(Collectors.joining(" "));
    }

    /** Logs one session and returns its feedback token. */
    private String logSession(Planned planned) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(at.http(at.ports().session()) + "/api/v1/sessions"))
                .header("Authorization", "Bearer " + planned.bearer())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(planned.session())))
                .build());
        expect(answer, 201, "POST /api/v1/sessions");
        JsonNode logged = json.readTree(answer.body());
        return logged.path("feedback").path("token").asString();
    }

    /**
     * Sends one participant's answers. The invitation reaches feedback-service through Kafka, so it may
     * answer 404 or 503 for a moment: then the same answers are sent again a little later, on the same
     * connections, without holding one while waiting.
     */
    private CompletableFuture<Void> answer(Map<String, Object> body, long deadline, ExecutorService connections) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(at.http(at.ports().feedback()) + "/api/v1/feedback"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        return CompletableFuture.supplyAsync(() -> send(request), connections).thenCompose(answer -> {
            boolean notArrivedYet = answer.statusCode() == 404 || answer.statusCode() == 503;
            if (!notArrivedYet) {
                expect(answer, 201, "POST /api/v1/feedback");
                return CompletableFuture.completedFuture(null);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("an invitation did not reach feedback-service within "
                        + INVITATION_WAIT.toSeconds() + " s (last answer " + answer.statusCode()
                        + "); see the session-service and feedback-service logs");
            }
            return CompletableFuture.supplyAsync(() -> null,
                            CompletableFuture.delayedExecutor(RETRY_MILLIS, TimeUnit.MILLISECONDS, connections))
                    .thenCompose(again -> answer(body, deadline, connections));
        });
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while seeding", e);
        }
    }

    /** Waits for one step and rethrows what went wrong in it as it was thrown. */
    private static <T> T join(CompletableFuture<T> step) {
        try {
            return step.join();
        }
        catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static void expect(HttpResponse<String> answer, int status, String what) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }
}
