package org.peerpulse.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.ItemKind;
import org.peerpulse.testsupport.TestBackends;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole loop, as separate processes and over real HTTP only: the demo authorization server and the three
 * service jars, started by the launcher on free ports, on the broker and store that test-support chose for
 * this JVM. A specialist logs a session, the participant answers with the token it returned (once the
 * invitation has travelled over Kafka to feedback-service), and the quality lead's dashboards show it.
 *
 * <p>Each test puts its sessions on a day of its own, in programs of its own, so its agency dashboard for
 * that day is exact whatever the other tests did. Before the stack stops each service's Prometheus scrape,
 * and once it has stopped every process's log, is read
 * whole: no feedback token, participant reference, comment or harm text sent in the tests may be in it.
 */
class WholeLoopTest {

    private static final Duration ASYNC = Duration.ofSeconds(30);

    private static final JsonMapper JSON = JsonMapper.builder().build();


    private static final List<String> RATED = Frameworks.PEER_CORE_V1.items().stream()
            .filter(item -> item.kind() == ItemKind.VALUE || item.kind() == ItemKind.PRINCIPLE)
            .map(item -> item.code())
            .toList();

    @TempDir
    static Path dataDir;

    private static Ports ports;

    private static RunningStack stack;

    private static final List<ProcessHandle> started = new ArrayList<>();

    /**
     * What a participant or their agency handed over: none of it may reach any process's log. Each is letters,
     * digits, spaces and hyphens, which the services' JSON log lines carry unescaped, so a leak is found as is.
     */
    private static final Set<String> PRIVATE = ConcurrentHashMap.newKeySet();

    /** A failing test is hard to read without the children's side of the story. */
    @RegisterExtension
    static final TestWatcher CHILD_LOGS_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (stack != null) {
                stack.children().forEach(child -> {
                    System.out.println("---- warnings, errors and last lines of " + child.log());
                    child.lastLogLines(5_000).stream()
                            // The services log JSON here (as in production), the auth server plain lines.
                            .filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")
                                    || line.contains("\"level\":\"WARN\"") || line.contains("\"level\":\"ERROR\"")
                                    || line.startsWith("Caused by") || line.contains("Exception"))
                            .limit(40)
                            .forEach(line -> System.out.println("  ! " + line));
                    child.lastLogLines(10).forEach(line -> System.out.println("  | " + line));
                });
            }
        }
    };

    @BeforeAll
    static void startTheStack() {
        ports = Ports.free();
        StackPlan plan = StackPlan.onBackends(Path.of(".."), dataDir, ports, System.getProperty("java.class.path"),
                TestBackends.kafkaBootstrapServers(), TestBackends::mongoUri);
        stack = LocalStack.start(plan, System.out);
        stack.children().forEach(child -> {
            started.add(child.handle());
            child.handle().descendants().forEach(started::add);
        });
    }

    @AfterAll
    static void stopTheStack() throws IOException {
        if (stack != null) {
            // Meters and their tags are what ops sees: nothing a participant or agency sent may be among them.
            String ops = token("ops");
            for (int port : List.of(ports.session(), ports.feedback(), ports.metrics())) {
                HttpResponse<String> scrape = send(HttpRequest.newBuilder(uri(port, "/actuator/prometheus"))
                        .header("Authorization", "Bearer " + ops));
                assertThat(scrape.statusCode()).isEqualTo(200);
                assertThat(scrape.body()).contains("http_server_requests_seconds_count");
                assertThat(PRIVATE).as("private values in the scrape of port " + port).noneMatch(scrape.body()::contains);
            }
            stack.close();
            assertThat(PRIVATE).as("tokens, participant references and texts sent").isNotEmpty();
            for (RunningChild child : stack.children()) {
                String log = Files.readString(child.log());
                assertThat(log).as(child.log().toString()).isNotEmpty();
                assertThat(PRIVATE).as("private values found in " + child.log())
                        .noneMatch(log::contains);
            }
        }
        assertThat(started).as("child processes after RunningStack.close()").isNotEmpty()
                .noneMatch(ProcessHandle::isAlive);
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive))
                .as("processes this test JVM still runs").isEmpty();
    }

    /**
     * One answer is a cell of one: neither its ratings nor even the response count may show. What shows that
     * it arrived is its harm report, which a quality lead must see: counted, and an open alert.
     */
    @Test
    void aSessionAndItsOneAnswerReachTheDashboardsWithEveryItemSuppressed() {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(3);
        String program = uniqueId("loop");
        String lead = token("harbor-lead");

        String feedbackToken = logSession(lead, program, "sp-ana", day);
        Map<String, Integer> everyItem = new LinkedHashMap<>();
        RATED.forEach(code -> everyItem.put(code, 4));
        Map<String, Object> answers = new LinkedHashMap<>(answers(everyItem, 4, true));
        String comment = "my comment " + UUID.randomUUID();
        String harmText = "what hurt " + UUID.randomUUID();
        PRIVATE.add(comment);
        PRIVATE.add(harmText);
        answers.put("comment", comment);
        answers.put("harm", Map.of("reported", true, "text", harmText));
        assertThat(submitOnceArrived(answers(feedbackToken, answers)).statusCode()).isEqualTo(201);

        HttpResponse<String> again = submit(answers(feedbackToken, answers));
        assertThat(again.statusCode()).as("a token is redeemed once").isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));

        for (String path : List.of("/api/v1/dashboards/programs/" + program, "/api/v1/dashboards/agency")) {
            JsonNode dashboard = awaitDashboard(lead, path, day, node -> node.path("harmReports").asLong() == 1);
            assertThat(dashboard.path("agencyId").asString()).isEqualTo("harbor");
            assertThat(dashboard.path("sessions").asLong()).as(path).isEqualTo(1);
            assertThat(dashboard.path("invitations").asLong()).as(path).isEqualTo(1);
            assertThat(dashboard.path("responses").isNull()).as(path).isTrue();
            assertThat(dashboard.path("responsesSuppressed").asBoolean()).as(path).isTrue();
            assertThat(dashboard.path("responseRate").isNull()).as(path).isTrue();
            assertThat(dashboard.path("items")).as(path).hasSize(RATED.size());
            for (JsonNode item : dashboard.path("items")) {
                assertThat(item.path("suppressed").asBoolean()).as(item.toString()).isTrue();
                assertThat(item.path("mean").isNull()).as(item.toString()).isTrue();
                assertThat(item.path("distribution").isNull()).as(item.toString()).isTrue();
            }
            assertThat(dashboard.path("hope").path("suppressed").asBoolean()).isTrue();
            assertThat(dashboard.path("hope").path("mean").isNull()).isTrue();
            assertThat(dashboard.path("valuesIndex").isNull()).isTrue();
            assertThat(dashboard.path("signatureStrengths")).isEmpty();
        }
        JsonNode alerts = read(send(HttpRequest.newBuilder(uri(ports.metrics(), "/api/v1/alerts?state=open"))
                .header("Authorization", "Bearer " + lead)));
        assertThat(alerts.path("items")).filteredOn(alert -> alert.path("programId").asString().equals(program))
                .singleElement()
                .satisfies(alert -> assertThat(alert.path("kind").asString()).isEqualTo("HARM_REPORT"));
    }

    /** Hand-picked ratings of five participants: their means, to two decimals, are written out below. */
    private record Sent(String code, int[] ratings, double mean, double topBoxRate) {
    }

    private static final List<Sent> FIVE_ANSWERS = List.of(
            new Sent("GIVING_BACK", new int[] { 5, 5, 5, 5, 5 }, 5.0, 1.0),
            new Sent("COURAGE", new int[] { 4, 4, 4, 4, 4 }, 4.0, 1.0),
            new Sent("KINDNESS", new int[] { 5, 4, 5, 4, 3 }, 4.2, 0.8),
            new Sent("CAUTION", new int[] { 3, 3, 4, 4, 5 }, 3.8, 0.6),
            new Sent("HELPFULNESS", new int[] { 1, 2, 3, 4, 5 }, 3.0, 0.4),
            new Sent("CREATIVITY", new int[] { 2, 2, 3, 3, 3 }, 2.6, 0.0),
            new Sent("GENTLENESS", new int[] { 5, 5, 4, 4, 5 }, 4.6, 1.0),
            new Sent("EMPATHY", new int[] { 1, 1, 1, 1, 2 }, 1.2, 0.0),
            new Sent("SAFE_ATMOSPHERE", new int[] { 5, 4, 4, 4, 4 }, 4.2, 1.0),
            new Sent("RECOVERY_FOCUS", new int[] { 3, 4, 3, 4, 3 }, 3.4, 0.4),
            new Sent("GENUINE_ROLE", new int[] { 5, 5, 5, 4, 5 }, 4.8, 1.0),
            new Sent("NO_STIGMA", new int[] { 2, 3, 4, 5, 5 }, 3.8, 0.6),
            new Sent("STRENGTH_BASED", new int[] { 4, 4, 5, 5, 5 }, 4.6, 1.0));

    private static final int[] FIVE_HOPES = { 4, 5, 3, 5, 5 };

    @Test
    void fiveAnswersShowTheExactMeansTheyGave() {
        assertThat(FIVE_ANSWERS).extracting(Sent::code).containsExactlyElementsOf(RATED);
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(5);
        String program = uniqueId("means");
        String lead = token("harbor-lead");

        for (int participant = 0; participant < 5; participant++) {
            String feedbackToken = logSession(lead, program, "sp-ben", day);
            Map<String, Integer> ratings = new LinkedHashMap<>();
            for (Sent sent : FIVE_ANSWERS) {
                ratings.put(sent.code(), sent.ratings()[participant]);
            }
            assertThat(submitOnceArrived(answers(feedbackToken, answers(ratings, FIVE_HOPES[participant])))
                    .statusCode()).isEqualTo(201);
        }

        for (String path : List.of("/api/v1/dashboards/programs/" + program, "/api/v1/dashboards/agency")) {
            JsonNode dashboard = awaitDashboard(lead, path, day, node -> node.path("responses").asLong() == 5);
            assertThat(dashboard.path("sessions").asLong()).as(path).isEqualTo(5);
            assertThat(dashboard.path("invitations").asLong()).as(path).isEqualTo(5);
            assertThat(dashboard.path("responseRate").asDouble()).as(path).isEqualTo(1.0);
            assertThat(dashboard.path("peerRoleShare").asDouble()).as(path).isEqualTo(1.0);
            JsonNode items = dashboard.path("items");
            assertThat(items).hasSize(FIVE_ANSWERS.size());
            for (int i = 0; i < FIVE_ANSWERS.size(); i++) {
                Sent sent = FIVE_ANSWERS.get(i);
                JsonNode item = items.get(i);
                assertThat(item.path("code").asString()).isEqualTo(sent.code());
                assertThat(item.path("suppressed").asBoolean()).as(sent.code()).isFalse();
                assertThat(item.path("responses").asLong()).as(sent.code()).isEqualTo(5);
                assertThat(item.path("mean").asDouble()).as(sent.code()).isEqualTo(sent.mean());
                assertThat(item.path("topBoxRate").asDouble()).as(sent.code()).isEqualTo(sent.topBoxRate());
            }
            JsonNode hope = dashboard.path("hope");
            assertThat(hope.path("suppressed").asBoolean()).isFalse();
            assertThat(hope.path("mean").asDouble()).isEqualTo(4.4);
            assertThat(hope.path("topBoxRate").asDouble()).isEqualTo(0.8);
            // (mean of the item means − 1) ÷ 4 × 100: values (28.4 / 8 = 3.55 -> 63.75, a tie that rounds half
            // up to 63.8) and TRUST (20.8 / 5 = 4.16).
            assertThat(dashboard.path("valuesIndex").asDouble()).isEqualTo(63.8);
            assertThat(dashboard.path("trustIndex").asDouble()).isEqualTo(79.0);
            // Best first; GENTLENESS and STRENGTH_BASED tie at 4.6 and framework order decides.
            assertThat(dashboard.path("signatureStrengths")).extracting(JsonNode::asString)
                    .containsExactly("GIVING_BACK", "GENUINE_ROLE", "GENTLENESS");
        }
    }

    @Test
    void anotherAgencysLeadSeesNoneOfHarborsSessions() {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(7);
        String program = uniqueId("tenant");
        String feedbackToken = logSession(token("harbor-lead"), program, "sp-cleo", day);
        assertThat(submitOnceArrived(answers(feedbackToken, answers(Map.of("KINDNESS", 5), 5, true))).statusCode())
                .isEqualTo(201);
        // Harbor's lead sees it first (a single answer shows only as its harm report), so the sunrise
        // answers below come after the facts are in.
        awaitDashboard(token("harbor-lead"), "/api/v1/dashboards/programs/" + program, day,
                node -> node.path("harmReports").asLong() == 1);

        String sunrise = token("sunrise-lead");
        HttpResponse<String> harborsProgram = get(sunrise, "/api/v1/dashboards/programs/" + program, day);
        assertThat(harborsProgram.statusCode()).isEqualTo(404);
        assertThat(harborsProgram.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        HttpResponse<String> own = get(sunrise, "/api/v1/dashboards/agency", day);
        assertThat(own.statusCode()).isEqualTo(200);
        JsonNode dashboard = read(own);
        assertThat(dashboard.path("agencyId").asString()).isEqualTo("sunrise");
        assertThat(dashboard.path("sessions").asLong()).isZero();
        assertThat(dashboard.path("invitations").asLong()).isZero();
        assertThat(dashboard.path("responses").isNull()).isTrue();
        assertThat(dashboard.path("harmReports").asLong()).isZero();
        JsonNode alerts = read(send(HttpRequest.newBuilder(uri(ports.metrics(), "/api/v1/alerts"))
                .header("Authorization", "Bearer " + sunrise)));
        assertThat(alerts.path("items")).as("sunrise's alerts")
                .noneMatch(alert -> alert.path("programId").asString().equals(program));
    }

    /**
     * The alert rules and dashboards in deploy/ read only metrics these running services expose, scraped the way
     * compose's Prometheus does it (OpsFilesExposure): checked on this stack rather than a second one, after a
     * session and its answer (reporting harm) of its own, so it does not depend on which test ran first.
     */
    @Nested
    class OpsFilesOnThisStack {

        @Test
        void everyMetricTheAlertRulesAndDashboardsReadIsExposed() {
            LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(9);
            String feedbackToken = logSession(token("harbor-lead"), uniqueId("ops"), "sp-dana", day);
            assertThat(submitOnceArrived(answers(feedbackToken, answers(Map.of("KINDNESS", 4), 4, true))).statusCode())
                    .isEqualTo(201);
            OpsFilesExposure.assertEveryMetricIsExposed(ports.auth(),
                    List.of(ports.session(), ports.feedback(), ports.metrics()));
        }
    }

    // ---- the calls a specialist's app, a participant's phone and a lead's browser make

    /** Adds the program if the directory lacks it, and the specialist to it (adding them if new). */
    private static void onProgram(String lead, String program, String specialist) {
        JsonNode directory = read(send(HttpRequest.newBuilder(uri(ports.session(), "/api/v1/directory/programs"))
                .header("Authorization", "Bearer " + lead).GET()));
        boolean programKnown = false;
        for (JsonNode known : directory.path("programs")) {
            programKnown |= known.path("id").asString().equals(program);
        }
        if (!programKnown) {
            directoryChange("POST", "/api/v1/directory/programs", lead,
                    Map.of("id", program, "name", "Program " + program), 201);
        }
        for (JsonNode known : directory.path("specialists")) {
            if (known.path("id").asString().equals(specialist)) {
                List<String> programs = new ArrayList<>();
                known.path("programs").forEach(each -> programs.add(each.asString()));
                if (!programs.contains(program)) {
                    programs.add(program);
                    directoryChange("PATCH", "/api/v1/directory/specialists/" + specialist, lead,
                            Map.of("programs", programs), 200);
                }
                return;
            }
        }
        directoryChange("POST", "/api/v1/directory/specialists", lead,
                Map.of("id", specialist, "name", "Specialist " + specialist, "programs", List.of(program)), 201);
    }

    private static void directoryChange(String method, String path, String lead, Map<String, Object> body,
            int expected) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(ports.session(), path))
                .header("Authorization", "Bearer " + lead)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isEqualTo(expected);
    }

    private static String token(String client) {
        return StackClient.token(ports.auth(), client);
    }

    /**
     * As the agency's quality lead, logs a session for {@code specialist} in {@code program} at noon (UTC) of
     * {@code day}, after putting both in the agency's directory, and returns its feedback token.
     */
    private static String logSession(String lead, String program, String specialist, LocalDate day) {
        onProgram(lead, program, specialist);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("programId", program);
        body.put("specialistId", specialist);
        String participantRef = "participant-" + UUID.randomUUID();
        PRIVATE.add(participantRef);
        body.put("participantRef", participantRef);
        body.put("occurredAt", day.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC).toString());
        body.put("durationMinutes", 45);
        body.put("channel", "IN_PERSON");
        body.put("activity", "PEER_SUPPORT");
        body.put("focusAreas", List.of("RECOVERY_GOALS"));
        body.put("strengthsNoted", List.of("persistence"));
        body.put("valuesPracticed", List.of("KINDNESS"));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(ports.session(), "/api/v1/sessions"))
                .header("Authorization", "Bearer " + lead)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        assertThat(answer.statusCode()).as("POST /api/v1/sessions: " + answer.body()).isEqualTo(201);
        assertThat(answer.headers().firstValue("Location")).isPresent();
        JsonNode logged = read(answer);
        assertThat(logged.path("sessionId").asString()).isNotBlank();
        String feedbackToken = logged.path("feedback").path("token").asString();
        PRIVATE.add(feedbackToken);
        return feedbackToken;
    }

    private static Map<String, Object> answers(Map<String, Integer> ratings, int hope) {
        return answers(ratings, hope, false);
    }

    private static Map<String, Object> answers(Map<String, Integer> ratings, int hope, boolean harmReported) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ratings", ratings);
        body.put("hope", hope);
        body.put("harm", Map.of("reported", harmReported));
        body.put("language", "en");
        return body;
    }

    private static Map<String, Object> answers(String feedbackToken, Map<String, Object> answers) {
        Map<String, Object> body = new LinkedHashMap<>(answers);
        body.put("token", feedbackToken);
        return body;
    }

    /** The invitation reaches feedback-service over Kafka: until then the token is unknown (404) or early (503). */
    private static HttpResponse<String> submitOnceArrived(Map<String, Object> body) {
        return await("the invitation to reach feedback-service").atMost(ASYNC).pollInterval(Duration.ofMillis(100))
                .until(() -> submit(body), answer -> answer.statusCode() != 404 && answer.statusCode() != 503);
    }

    private static HttpResponse<String> submit(Map<String, Object> body) {
        return send(HttpRequest.newBuilder(uri(ports.feedback(), "/api/v1/feedback"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** Metrics folds both streams in asynchronously: waits until the dashboard shows what the test is after. */
    private static JsonNode awaitDashboard(String bearer, String path, LocalDate day, Predicate<JsonNode> shows) {
        return await(path + " to show the answers").atMost(ASYNC).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    HttpResponse<String> answer = get(bearer, path, day);
                    assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
                    return read(answer);
                }, shows);
    }

    private static HttpResponse<String> get(String bearer, String path, LocalDate day) {
        return send(HttpRequest.newBuilder(uri(ports.metrics(), path + "?from=" + day + "&to=" + day))
                .header("Authorization", "Bearer " + bearer)
                .GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        return StackClient.send(request);
    }

    private static JsonNode read(HttpResponse<String> answer) {
        return JSON.readTree(answer.body());
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
