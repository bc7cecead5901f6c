package org.peerpulse.session.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.peerpulse.session.web.SessionApi.JSON;
import static org.peerpulse.session.web.SessionApi.lead;
import static org.peerpulse.session.web.SessionApi.peer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.peerpulse.contracts.AgencySettingsChanged;
import org.peerpulse.contracts.EventTypes;
import org.peerpulse.contracts.Topics;
import org.peerpulse.platform.messaging.CloudEvents;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.testsupport.TestBackends;
import org.peerpulse.testsupport.TestIssuer;
import org.peerpulse.testsupport.TopicProbe;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * A quality lead keeps the agency's programs, specialists and settings over real HTTP: every change is answered
 * with what now stands and published as the agency's whole snapshot on the agencies topic; a refused one
 * changes and publishes nothing; nobody else reaches any of it. Every agency here is this class's own: the
 * broker is shared by the whole test JVM.
 */
@SessionServiceTest
class DirectoryApiTest {

    /** Put into bad values: no answer may repeat it. */
    private static final String MARKER = "S3CR3T";
    private static final String VALID_SETTINGS = """
            {"timeZone": "America/New_York", "minCellSize": 5, "exportMinCellSize": 11, "valuesIndexFloor": 60.0,
             "part2Programs": ["warmline"],
             "crisisLine": {"en": "If you are in crisis, call or text 988 (US).",
                            "es": "Si estás en crisis, llama o envía un mensaje de texto al 988 (EE. UU.)."},
             "formLanguages": ["es", "en"], "valueItemsPerForm": 4,
             "alertWebhookUrl": "https://hooks.harbor.example/peerpulse",
             "retention": {"sessionsDays": 2555, "answersDays": 2555, "commentsDays": 365, "auditDays": 2555}}
            """;

    /** The agencies of the refused settings cases. */
    private static final Set<String> REFUSED_SETTINGS_AGENCIES = ConcurrentHashMap.newKeySet();

    @LocalServerPort
    int port;

    private final EventCodec codec = new EventCodec();
    private SessionApi api;

    @BeforeEach
    void client() {
        api = new SessionApi(port);
    }

    @Test
    void aLeadAddsProgramsAndSpecialistsAndDeactivatesThem() {
        String agency = agency("roster");
        String lead = lead(agency);

        ResponseEntity<JsonNode> empty = api.get(lead, "/api/v1/directory/programs");
        assertThat(empty.getStatusCode().value()).isEqualTo(200);
        assertThat(empty.getBody().get("version").asLong()).isZero();
        assertThat(empty.getBody().get("programs")).isEmpty();

        ResponseEntity<JsonNode> program = api.addProgram(lead, "warmline", "Warm line");
        assertThat(program.getStatusCode().value()).isEqualTo(201);
        assertThat(program.getBody().get("version").asLong()).isEqualTo(1);
        assertThat(program.getBody().get("programs")).singleElement().isEqualTo(JSON.readTree(
                "{\"id\": \"warmline\", \"name\": \"Warm line\", \"active\": true}"));
        assertThat(api.addProgram(lead, "drop-in", "Drop-in center").getStatusCode().value()).isEqualTo(201);
        ResponseEntity<JsonNode> specialist = api.addSpecialist(lead, "sp-rivera", List.of("warmline", "drop-in"));
        assertThat(specialist.getStatusCode().value()).isEqualTo(201);
        assertThat(specialist.getBody().get("specialists")).singleElement().isEqualTo(JSON.readTree(
                "{\"id\": \"sp-rivera\", \"name\": \"Specialist sp-rivera\", \"active\": true,"
                        + " \"programs\": [\"warmline\", \"drop-in\"]}"));

        ResponseEntity<JsonNode> closed = api.patch(lead, "/api/v1/directory/programs/drop-in", "{\"active\": false}");
        assertThat(closed.getStatusCode().value()).isEqualTo(200);
        assertThat(closed.getBody().get("programs").get(1).get("active").asBoolean()).isFalse();
        ResponseEntity<JsonNode> moved = api.patch(lead, "/api/v1/directory/specialists/sp-rivera",
                "{\"programs\": [\"warmline\"]}");
        assertThat(moved.getStatusCode().value()).isEqualTo(200);
        ResponseEntity<JsonNode> gone = api.patch(lead, "/api/v1/directory/specialists/sp-rivera",
                "{\"active\": false}");
        assertThat(gone.getStatusCode().value()).isEqualTo(200);
        // Left out is left as it was: the earlier move stands.
        assertThat(gone.getBody().get("specialists").get(0)).isEqualTo(JSON.readTree(
                "{\"id\": \"sp-rivera\", \"name\": \"Specialist sp-rivera\", \"active\": false,"
                        + " \"programs\": [\"warmline\"]}"));

        JsonNode now = api.get(lead, "/api/v1/directory/specialists").getBody();
        assertThat(now).isEqualTo(gone.getBody());
        assertThat(now.get("version").asLong()).isEqualTo(6);
        assertThat(api.get(lead, "/api/v1/directory/programs").getBody()).isEqualTo(now);

        // Each change is the agency's whole snapshot on the compacted agencies topic, in order.
        List<AgencySettingsChanged> snapshots = snapshots(agency, 6);
        assertThat(snapshots).extracting(AgencySettingsChanged::version).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        AgencySettingsChanged last = snapshots.get(5);
        assertThat(last.programs()).containsExactly(new AgencySettingsChanged.Program("warmline", "Warm line", true),
                new AgencySettingsChanged.Program("drop-in", "Drop-in center", false));
        assertThat(last.specialists()).containsExactly(new AgencySettingsChanged.Specialist("sp-rivera",
                "Specialist sp-rivera", false, List.of("warmline")));
        assertThat(last.settings()).isEqualTo(AgencySettingsChanged.Settings.DEFAULTS);
    }

    @Test
    void leadsChangingTheDirectoryAtOnceAllLandOneVersionEach() throws Exception {
        String agency = agency("roster-race");
        String lead = lead(agency);
        List<String> programs = IntStream.range(0, 8).mapToObj(i -> "program-" + i).toList();

        // Eight first changes at once: one inserts the agency's document, the others are decided again after it.
        List<ResponseEntity<JsonNode>> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(programs.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ResponseEntity<JsonNode>>> futures = new ArrayList<>();
            for (String program : programs) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return api.addProgram(lead, program, "Program " + program);
                }));
            }
            start.countDown();
            for (Future<ResponseEntity<JsonNode>> future : futures) {
                answers.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers).allSatisfy(answer -> assertThat(answer.getStatusCode().value()).isEqualTo(201));
        assertThat(answers).extracting(answer -> answer.getBody().get("version").asLong())
                .containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        JsonNode now = api.get(lead, "/api/v1/directory/programs").getBody();
        assertThat(now.get("version").asLong()).isEqualTo(8);
        assertThat(now.get("programs").valueStream().map(p -> p.get("id").asString()))
                .containsExactlyInAnyOrderElementsOf(programs);
        List<AgencySettingsChanged> snapshots = snapshots(agency, 8);
        assertThat(snapshots).extracting(AgencySettingsChanged::version).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L,
                8L);
        assertThat(snapshots.get(7).programs()).hasSize(8);
        assertThat(records(agency)).hasSize(8);
    }

    @Test
    void aRefusedDirectoryChangeIsAProblemThatNamesTheFieldAndChangesNothing() {
        String agency = agency("roster-refused");
        String lead = lead(agency);
        api.staff(agency);
        JsonNode before = api.get(lead, "/api/v1/directory/programs").getBody();

        assertProblem(api.addProgram(lead, "warmline", "Warm line again"), 422, "id");
        assertProblem(api.addSpecialist(lead, SessionApi.SPECIALIST, List.of()), 422, "id");
        assertProblem(api.addSpecialist(lead, "sp-new", List.of("nowhere-" + MARKER.toLowerCase())), 422,
                "programs");
        assertProblem(api.addProgram(lead, "Bad Id " + MARKER, "Bad"), 400, "id");
        assertProblem(api.addProgram(lead, "respite", " "), 400, "name");
        assertProblem(api.patch(lead, "/api/v1/directory/programs/warmline", "{}"), 400, "active");
        assertProblem(api.patch(lead, "/api/v1/directory/programs/warmline",
                "{\"active\": false, \"name\": \"" + MARKER + "\"}"), 400, "name");
        assertProblem(api.patch(lead, "/api/v1/directory/programs/nowhere", "{\"active\": false}"), 404);
        assertProblem(api.patch(lead, "/api/v1/directory/specialists/sp-nobody", "{\"active\": false}"), 404);
        assertProblem(api.patch(lead, "/api/v1/directory/specialists/" + SessionApi.SPECIALIST, "{}"), 400,
                "active");
        assertProblem(api.patch(lead, "/api/v1/directory/specialists/" + MARKER, "{\"active\": false}"), 400, "id");

        assertThat(api.get(lead, "/api/v1/directory/programs").getBody()).isEqualTo(before);
        assertThat(records(agency)).hasSize((int) before.get("version").asLong());
    }

    @Test
    void validSettingsReplaceTheOldOnesAndArePublishedWithTheNextVersion() {
        String agency = agency("settings");
        String lead = lead(agency);
        api.staff(agency);
        ResponseEntity<JsonNode> defaults = api.get(lead, "/api/v1/settings");
        assertThat(defaults.getStatusCode().value()).isEqualTo(200);
        assertThat(defaults.getBody().get("timeZone").asString()).isEqualTo("UTC");
        assertThat(defaults.getBody().get("minCellSize").asInt()).isEqualTo(5);
        long version = defaults.getBody().get("version").asLong();

        ResponseEntity<JsonNode> changed = api.putSettings(lead, VALID_SETTINGS);

        assertThat(changed.getStatusCode().value()).isEqualTo(200);
        JsonNode body = changed.getBody();
        assertThat(body.get("version").asLong()).isEqualTo(version + 1);
        assertThat(body.get("timeZone").asString()).isEqualTo("America/New_York");
        assertThat(body.get("formLanguages").valueStream().map(JsonNode::asString)).containsExactly("es", "en");
        assertThat(body.get("part2Programs").valueStream().map(JsonNode::asString)).containsExactly("warmline");
        assertThat(body.get("valueItemsPerForm").asInt()).isEqualTo(4);
        assertThat(body.get("retention").get("commentsDays").asInt()).isEqualTo(365);
        assertThat(api.get(lead, "/api/v1/settings").getBody()).isEqualTo(body);

        AgencySettingsChanged published = snapshots(agency, (int) version + 1).get((int) version);
        assertThat(published.version()).isEqualTo(version + 1);
        assertThat(published.settings()).isEqualTo(new AgencySettingsChanged.Settings("America/New_York", 5, 11, 60.0,
                null, List.of("warmline"), Map.of("en", "If you are in crisis, call or text 988 (US).",
                        "es", "Si estás en crisis, llama o envía un mensaje de texto al 988 (EE. UU.)."),
                List.of("es", "en"), 4, "https://hooks.harbor.example/peerpulse",
                new AgencySettingsChanged.Retention(2555, 2555, 365, 2555)));
        assertThat(published.programs()).extracting(AgencySettingsChanged.Program::id).containsExactly("warmline");

        // The change is in the agency's audit trail, without the settings themselves.
        List<JsonNode> audited = await().atMost(Duration.ofSeconds(10)).until(() -> trail(lead, "settings.change"),
                found -> found.size() == 1);
        assertThat(audited.get(0).get("outcome").asInt()).isEqualTo(200);
        assertThat(audited.get(0).toString()).doesNotContain("hooks.harbor.example");
    }

    /** One bad settings body each, the status it gets and the field its problem names. */
    static Stream<Arguments> badSettings() {
        return Stream.of(
                bad("unknown time zone", "\"America/New_York\"", "\"Mars/Olympus_" + MARKER + "\"", 422, "timeZone"),
                bad("cells of two", "\"minCellSize\": 5", "\"minCellSize\": 2", 422, "minCellSize"),
                bad("exports below dashboards", "\"exportMinCellSize\": 11", "\"exportMinCellSize\": 4", 422,
                        "exportMinCellSize"),
                bad("plain http webhook", "https://hooks", "http://hooks", 422, "alertWebhookUrl"),
                bad("webhook with a password", "https://hooks", "https://" + MARKER + ":pw@hooks", 422,
                        "alertWebhookUrl"),
                bad("crisis line missing for a form language",
                        "\"crisisLine\": {\"en\": \"If you are in crisis, call or text 988 (US).\",", "\"crisisLine\": {",
                        422, "crisisLine"),
                bad("crisis line for a language the form lacks", "\"formLanguages\": [\"es\", \"en\"]",
                        "\"formLanguages\": [\"en\"]", 422, "crisisLine"),
                bad("a crisis line of no text", "\"If you are in crisis, call or text 988 (US).\"", "null", 400,
                        "crisisLine[en]"),
                bad("unknown form language", "[\"es\", \"en\"]", "[\"es\", \"en\", \"fr\"]", 422, "formLanguages"),
                bad("no value item", "\"valueItemsPerForm\": 4", "\"valueItemsPerForm\": 0", 422,
                        "valueItemsPerForm"),
                bad("more value items than values", "\"valueItemsPerForm\": 4", "\"valueItemsPerForm\": 9", 422,
                        "valueItemsPerForm"),
                bad("part 2 program the agency lacks", "[\"warmline\"]", "[\"nowhere\"]", 422, "part2Programs"),
                bad("floor above 100", "\"valuesIndexFloor\": 60.0", "\"valuesIndexFloor\": 160.0", 422,
                        "valuesIndexFloor"),
                bad("retention of no days", "\"commentsDays\": 365", "\"commentsDays\": 0", 422, "retention"),
                bad("unknown field", "\"minCellSize\": 5", "\"minCellSize\": 5, \"agencyId\": \"sunrise\"", 400,
                        "agencyId"),
                bad("cell size as text", "\"minCellSize\": 5", "\"minCellSize\": \"" + MARKER + "\"", 400,
                        "minCellSize"),
                bad("no time zone", "\"timeZone\": \"America/New_York\", ", "", 400, "timeZone"),
                bad("malformed JSON", "}", MARKER, 400));
    }

    private static Arguments bad(String name, String from, String to, int status, String... fields) {
        assertThat(VALID_SETTINGS).contains(from);
        return Arguments.of(name, VALID_SETTINGS.replace(from, to), status, List.of(fields));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSettings")
    void badSettingsAreAProblemThatNamesTheFieldAndChangeNothing(String name, String body, int status,
            List<String> fields) {
        String agency = agency("settings-refused");
        String lead = lead(agency);
        api.staff(agency);
        JsonNode before = api.get(lead, "/api/v1/settings").getBody();

        ResponseEntity<JsonNode> refused = api.putSettings(lead, body);

        assertProblem(refused, status, fields.toArray(String[]::new));
        assertThat(api.get(lead, "/api/v1/settings").getBody()).isEqualTo(before);
        REFUSED_SETTINGS_AGENCIES.add(agency);
    }

    /**
     * Whatever a refused settings change might have stored would have been published by now: each of those
     * agencies has the two snapshots of filling its directory on the topic, and no third. Read once for all.
     */
    @AfterAll
    static void noRefusedSettingsWerePublished() {
        Map<String, Long> published = TopicProbe.readAll(TestBackends.kafkaBootstrapServers(), Topics.AGENCIES,
                        Duration.ofMillis(500)).stream()
                .filter(record -> REFUSED_SETTINGS_AGENCIES.contains(record.key()))
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        assertThat(published).hasSize(REFUSED_SETTINGS_AGENCIES.size()).allSatisfy((agency, records) ->
                assertThat(records).as(agency).isEqualTo(2));
    }

    @Test
    void aSpecialistOpsAndAnotherAgencyReachNoneOfIt() {
        String agency = agency("roster-closed");
        api.staff(agency);
        JsonNode directory = api.get(lead(agency), "/api/v1/directory/programs").getBody();
        JsonNode settings = api.get(lead(agency), "/api/v1/settings").getBody();
        String specialist = peer(agency);
        String ops = TestIssuer.shared().token(agency, "ops");
        List<Call> calls = List.of(
                new Call(HttpMethod.GET, "/api/v1/directory/programs", null),
                new Call(HttpMethod.POST, "/api/v1/directory/programs", "{\"id\": \"respite\", \"name\": \"Respite\"}"),
                new Call(HttpMethod.PATCH, "/api/v1/directory/programs/warmline", "{\"active\": false}"),
                new Call(HttpMethod.GET, "/api/v1/directory/specialists", null),
                new Call(HttpMethod.POST, "/api/v1/directory/specialists", "{\"id\": \"sp-x\", \"name\": \"X\"}"),
                new Call(HttpMethod.PATCH, "/api/v1/directory/specialists/sp-rivera", "{\"active\": false}"),
                new Call(HttpMethod.GET, "/api/v1/settings", null),
                new Call(HttpMethod.PUT, "/api/v1/settings", VALID_SETTINGS));

        for (Call call : calls) {
            for (String token : List.of(specialist, ops)) {
                assertProblem(call.by(api, token), 403);
            }
            assertProblem(call.by(api, null), 401);
        }
        // Another agency's lead changes only their own agency: ours is not found by them.
        String otherLead = lead(agency("roster-other"));
        assertProblem(api.patch(otherLead, "/api/v1/directory/programs/warmline", "{\"active\": false}"), 404);
        assertProblem(api.patch(otherLead, "/api/v1/directory/specialists/sp-rivera", "{\"active\": false}"), 404);

        assertThat(api.get(lead(agency), "/api/v1/directory/programs").getBody()).isEqualTo(directory);
        assertThat(api.get(lead(agency), "/api/v1/settings").getBody()).isEqualTo(settings);
        assertThat(records(agency)).hasSize(2);
    }

    private record Call(HttpMethod method, String path, String body) {

        ResponseEntity<JsonNode> by(SessionApi api, String token) {
            return api.exchange(method, path, token, Map.of(), body, body == null ? null : MediaType.APPLICATION_JSON);
        }
    }

    private static String agency(String purpose) {
        return purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void assertProblem(ResponseEntity<JsonNode> answer, int status, String... fields) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody().toString()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(answer.getBody().get("detail").asString()).isNotBlank();
        assertThat(answer.getBody().toString()).doesNotContain(MARKER).doesNotContain(MARKER.toLowerCase());
        if (fields.length > 0) {
            assertThat(answer.getBody().get("errors").findValuesAsString("field")).contains(fields);
        }
    }

    /** The agency's first {@code count} snapshots on the agencies topic, in the order they were published. */
    private List<AgencySettingsChanged> snapshots(String agency, int count) {
        return TopicProbe.awaitRecords(TestBackends.kafkaBootstrapServers(), Topics.AGENCIES,
                        record -> agency.equals(record.key()), count).stream()
                .peek(record -> assertThat(CloudEvents.header(record.headers(), CloudEvents.TYPE))
                        .contains(EventTypes.AGENCY_SETTINGS_CHANGED))
                .map(record -> codec.read(record.value(), AgencySettingsChanged.class))
                .toList();
    }

    /** Everything on the agencies topic for the agency, once whatever was stored has had time to be published. */
    private static List<ConsumerRecord<String, String>> records(String agency) {
        return TopicProbe.readAll(TestBackends.kafkaBootstrapServers(), Topics.AGENCIES, Duration.ofMillis(500))
                .stream().filter(record -> agency.equals(record.key())).toList();
    }

    private List<JsonNode> trail(String token, String action) {
        ResponseEntity<JsonNode> answer = api.get(token, "/api/v1/audit?action=" + action);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        answer.getBody().get("items").forEach(items::add);
        return items;
    }
}
