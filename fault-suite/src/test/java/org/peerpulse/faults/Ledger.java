package org.peerpulse.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.peerpulse.contracts.Topics;
import org.peerpulse.testsupport.TopicProbe;
import tools.jackson.databind.JsonNode;

/**
 * What one scenario wrote and what the services answered: every acknowledged session (201, with its feedback
 * token) and feedback (201), and every write they refused. All of a scenario's writes name one agency of its own,
 * one program, one specialist and one day, so its dashboards count nothing but its own traffic.
 *
 * <p>{@link #assertCountedExactlyOnce(Api)} is the verdict every scenario ends with: session-service keeps
 * exactly the acknowledged sessions, and metrics-service's dashboards (agency and program) count every
 * acknowledged session and feedback once, and nothing refused, also once its consumers have read both topics to
 * the end (so a late duplicate cannot hide behind an early equal count).
 */
final class Ledger {

    static final Duration WAIT = Duration.ofSeconds(60);

    private final String agency;
    private final String program = "warmline";
    private final String specialist = "sp-rivera";
    private final LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    private final Map<String, String> tokenBySession = new ConcurrentHashMap<>();
    private final Set<String> answered = ConcurrentHashMap.newKeySet();
    private final List<String> refused = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger written = new AtomicInteger();
    private final AtomicBoolean directoryReady = new AtomicBoolean();

    /** Every ledger of this JVM on the shared broker, for the replay scenario, which checks all of them again. */
    private static final List<Ledger> ALL = Collections.synchronizedList(new ArrayList<>());

    private Ledger(String agency) {
        this.agency = agency;
    }

    static List<Ledger> all() {
        synchronized (ALL) {
            return List.copyOf(ALL);
        }
    }

    /** A ledger on an agency of the scenario's own ({@code fault-<scenario>-<random>}). */
    static Ledger forScenario(String scenario) {
        Ledger ledger = onItsOwnCluster(scenario);
        ALL.add(ledger);
        return ledger;
    }

    /** A ledger whose traffic goes to a Kafka cluster of the scenario's own, so the replay scenario leaves it out. */
    static Ledger onItsOwnCluster(String scenario) {
        return new Ledger("fault-" + scenario + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    String agency() {
        return agency;
    }

    String specialist() {
        return specialist;
    }

    /** The body of the next valid session, for a scenario that sends it itself. */
    String nextSessionBody() {
        return sessionBody(written.getAndIncrement());
    }

    LocalDate day() {
        return day;
    }

    /** Session ids acknowledged so far. */
    Set<String> sessions() {
        return Set.copyOf(tokenBySession.keySet());
    }

    String tokenOf(String sessionId) {
        return tokenBySession.get(sessionId);
    }

    int acknowledgedFeedback() {
        return answered.size();
    }

    List<String> refused() {
        return List.copyOf(refused);
    }

    /** A valid session logged by the scenario's specialist; acknowledged (201) or refused, as it comes. */
    Optional<String> logSession(Api api) {
        return logSession(api, null);
    }

    Optional<String> logSession(Api api, String idempotencyKey) {
        prepareDirectory(api);
        return recordSession(api.logSession(agency, specialist, sessionBody(written.getAndIncrement()), idempotencyKey),
                "session");
    }

    /**
     * Before the scenario's first session, its program and specialist go into the agency's directory (a
     * session is attributed only to those), retried until session-service takes them.
     */
    void prepareDirectory(Api api) {
        if (!directoryReady.get()) {
            await("the scenario's directory").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> api.prepareDirectory(agency, program, specialist));
            directoryReady.set(true);
        }
    }

    /** Records a session answer obtained elsewhere (parallel retries): 201 is acknowledged, anything else refused. */
    Optional<String> recordSession(Api.Answer answer, String what) {
        if (answer.status() == 201) {
            String sessionId = answer.body().get("sessionId").asString();
            String token = answer.body().get("feedback").get("token").asString();
            String known = tokenBySession.putIfAbsent(sessionId, token);
            if (known != null) {
                assertThat(token).as("the same session answers with the same token").isEqualTo(known);
            }
            return Optional.of(sessionId);
        }
        refused.add(what + " " + answer.status());
        return Optional.empty();
    }

    /** A session the service must refuse (a duration of 0 minutes): 400, and nothing may come of it. */
    void logInvalidSession(Api api) {
        String body = sessionBody(written.getAndIncrement()).replace("\"durationMinutes\": 45", "\"durationMinutes\": 0");
        Api.Answer answer = api.logSession(agency, specialist, body, null);
        assertThat(answer.status()).as("an invalid session is refused").isEqualTo(400);
        refused.add("invalid session 400");
    }

    /**
     * The participant of {@code sessionId} answers, retrying while feedback-service has not learned the session
     * yet (503 with Retry-After, as a form would). 201 is acknowledged; anything else is refused.
     */
    boolean submitFeedback(Api api, String sessionId) {
        Api.Answer answer = submitUntilKnown(api, feedbackBody(tokenBySession.get(sessionId), 4));
        return recordFeedback(sessionId, answer);
    }

    boolean recordFeedback(String sessionId, Api.Answer answer) {
        if (answer.status() == 201) {
            assertThat(answered.add(sessionId)).as("one acknowledged feedback per session").isTrue();
            return true;
        }
        refused.add("feedback " + answer.status());
        return false;
    }

    /** A rating of 6: refused with 400, and the token stays usable. */
    void submitInvalidFeedback(Api api, String sessionId) {
        String body = feedbackBody(tokenBySession.get(sessionId), 4).replace("\"KINDNESS\": 5", "\"KINDNESS\": 6");
        Api.Answer answer = submitUntilKnown(api, body);
        assertThat(answer.status()).as("an invalid answer is refused").isEqualTo(400);
        refused.add("invalid feedback 400");
    }

    static Api.Answer submitUntilKnown(Api api, String body) {
        AtomicReference<Api.Answer> last = new AtomicReference<>();
        await("feedback-service to know the session").atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    last.set(api.submitFeedback(body));
                    return last.get().status() != 503;
                });
        return last.get();
    }

    String feedbackBody(String token, int hope) {
        return """
                {"token": "%s", "ratings": {"KINDNESS": 5, "EMPATHY": 4, "SAFE_ATMOSPHERE": 5},
                 "hope": %d, "harm": {"reported": false}, "language": "en", "mode": "OWN_DEVICE"}
                """.formatted(token, hope);
    }

    private String sessionBody(int n) {
        String occurredAt = day.atTime(9, 0).plusSeconds(37L * n).toInstant(ZoneOffset.UTC).toString();
        return """
                {"programId": "%s", "specialistId": "%s", "participantRef": "ref-%d",
                 "occurredAt": "%s", "durationMinutes": 45, "channel": "PHONE", "activity": "PEER_SUPPORT",
                 "focusAreas": ["RECOVERY_GOALS"], "strengthsNoted": ["humor"], "valuesPracticed": ["KINDNESS"]}
                """.formatted(program, specialist, n, occurredAt);
    }

    /**
     * The verdict: session-service keeps exactly the acknowledged sessions; the dashboards of {@code api}'s
     * metrics-service count each acknowledged session and feedback exactly once, now and after its group has
     * read both topics to their current end.
     */
    void assertCountedExactlyOnce(Api api) {
        assertThat(storedSessions(api)).as("session-service keeps exactly the acknowledged sessions")
                .isEqualTo(sessions());
        assertCounted(api);
    }

    /**
     * The second half of the verdict, for a metrics-service that counts again what was stored long ago (the
     * replay): its dashboards count each acknowledged session and feedback exactly once, now and after its group
     * has read both topics to their current end.
     */
    void assertCounted(Api api) {
        await("dashboards of " + agency + " to count the ledger").atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertDashboards(api));
        TopicProbe.awaitCaughtUp(api.metrics().bootstrapServers(), api.metrics().group(), WAIT, Topics.SESSIONS,
                Topics.FEEDBACK);
        assertDashboards(api);
    }

    /** The agency, program and specialist dashboards of the ledger's day, as served. */
    List<JsonNode> dashboards(Api api) {
        List<JsonNode> dashboards = new ArrayList<>();
        for (String scope : List.of("agency", "programs/" + program, "specialists/" + specialist)) {
            Api.Answer answer = api.dashboard(agency, scope, day, day);
            assertThat(answer.status()).as("dashboard %s of %s", scope, agency).isEqualTo(200);
            dashboards.add(answer.body());
        }
        return dashboards;
    }

    void assertDashboards(Api api) {
        long sessions = tokenBySession.size();
        long responses = answered.size();
        for (String scope : List.of("agency", "programs/" + program, "specialists/" + specialist)) {
            Api.Answer answer = api.dashboard(agency, scope, day, day);
            assertThat(answer.status()).as("dashboard %s of %s", scope, agency).isEqualTo(200);
            JsonNode body = answer.body();
            assertThat(body.get("sessions").asLong()).as("%s sessions", scope).isEqualTo(sessions);
            assertThat(body.get("invitations").asLong()).as("%s invitations", scope).isEqualTo(sessions);
            assertThat(body.get("responsesSuppressed").asBoolean()).as("%s responses shown (>= k)", scope).isFalse();
            assertThat(body.get("responses").asLong()).as("%s responses", scope).isEqualTo(responses);
        }
    }

    private Set<String> storedSessions(Api api) {
        Set<String> ids = new HashSet<>();
        for (int page = 0; ; page++) {
            Api.Answer answer = api.sessionsOf(agency, day, day, page);
            assertThat(answer.status()).isEqualTo(200);
            JsonNode items = answer.body().get("items");
            items.forEach(item -> ids.add(item.get("sessionId").asString()));
            if (items.size() < 100) {
                return ids;
            }
        }
    }
}
