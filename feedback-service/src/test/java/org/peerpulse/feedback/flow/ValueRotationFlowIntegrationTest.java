package org.peerpulse.feedback.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.Activity;
import org.peerpulse.contracts.Channel;
import org.peerpulse.contracts.EventIds;
import org.peerpulse.contracts.EventTypes;
import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.contracts.FocusArea;
import org.peerpulse.contracts.FrameworkItem;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.InvitationTokens;
import org.peerpulse.contracts.ItemKind;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.Topics;
import org.peerpulse.platform.agencies.AgencyDirectory;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.platform.messaging.EventRecords;
import org.peerpulse.testsupport.PeerPulseIntegrationTest;
import org.peerpulse.testsupport.TestBackends;
import org.peerpulse.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Rotation of the value items (issue 15) through the real learning path: settings on the agencies topic,
 * sessions on the session stream, the listener, the rotation cursor and the invitations in the store. Over 1,000
 * invitations of an agency (single and group sessions, some sessions delivered twice) each value item is asked
 * exactly as often as every other; a rotated form shows only its items, refuses the others on the form and the
 * API, and its answer names them.
 */
@PeerPulseIntegrationTest(properties = {"peerpulse.outbox.poll-interval=50ms",
        "peerpulse.feedback.token-attempts-per-minute=100000"})
class ValueRotationFlowIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int INVITATIONS = 1_000;
    private static final List<String> VALUES = Frameworks.PEER_CORE_V1.itemsOfKind(ItemKind.VALUE).stream()
            .map(FrameworkItem::code).toList();
    private static final List<String> PRINCIPLES = Frameworks.PEER_CORE_V1.itemsOfKind(ItemKind.PRINCIPLE).stream()
            .map(FrameworkItem::code).toList();

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EventCodec codec;
    @Autowired
    AgencyDirectory directory;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private SessionStream sessions;

    @BeforeEach
    void sessions() {
        sessions = new SessionStream(kafka, codec, mongo);
    }

    @Test
    void overAThousandInvitationsEveryValueItemIsAskedEquallyOften() throws Exception {
        Map<Integer, Map<String, Long>> countsByPerForm = new TreeMap<>();
        for (int perForm : List.of(1, 2, 3, 4, 5, 6, 7)) {
            String agency = "rotation-" + perForm + "-" + UUID.randomUUID();
            rotate(agency, perForm);

            int sessionsLogged = logThousandInvitations(agency, new Random(perForm));

            List<Document> learned = invitationsOf(agency);
            assertThat(learned).hasSize(INVITATIONS);
            Map<String, Long> asked = new TreeMap<>();
            VALUES.forEach(value -> asked.put(value, 0L));
            for (Document invitation : learned) {
                List<String> items = invitation.getList("itemsAsked", String.class);
                assertThat(items).hasSize(perForm + PRINCIPLES.size()).doesNotHaveDuplicates()
                        .containsAll(PRINCIPLES);
                items.stream().filter(VALUES::contains).forEach(value -> asked.merge(value, 1L, Long::sum));
            }
            System.out.printf("rotation m=%d: %d invitations from %d sessions (some delivered twice), "
                    + "value items asked %s%n", perForm, INVITATIONS, sessionsLogged, asked);
            long expected = (long) INVITATIONS * perForm / VALUES.size();
            assertThat(INVITATIONS * perForm % VALUES.size()).isZero();
            assertThat(asked.values()).as("m=%d: each value item asked %d times", perForm, expected)
                    .containsOnly(expected);
            Document cursor = mongo.findById(agency, Document.class, "rotation_cursors");
            assertThat(cursor.get("slots", Number.class).longValue()).as("no slot taken twice on redelivery")
                    .isEqualTo((long) INVITATIONS * perForm);
            countsByPerForm.put(perForm, asked);
        }
        System.out.println("rotation balance per m: " + countsByPerForm);
    }

    @Test
    void aRotatedFormShowsOnlyItsItemsRefusesTheOthersAndItsAnswerNamesThem() throws Exception {
        String agency = "rotation-form-" + UUID.randomUUID();
        rotate(agency, 3);
        List<SessionStream.Invited> group = sessions.invitedGroup(agency, 3, Instant.now().plus(7, ChronoUnit.DAYS));
        String token = group.get(1).token();
        List<String> itemsAsked = sessions.invitation(token).getList("itemsAsked", String.class);
        List<String> valuesAsked = itemsAsked.stream().filter(VALUES::contains).toList();
        String notAsked = VALUES.stream().filter(value -> !valuesAsked.contains(value)).findFirst().orElseThrow();
        assertThat(valuesAsked).hasSize(3);

        String form = get("/f/" + token).body();
        for (String code : VALUES) {
            assertThat(form.contains("name=\"" + code + "\"")).as(code).isEqualTo(valuesAsked.contains(code));
        }
        assertThat(form).contains(PRINCIPLES.stream().map(code -> "name=\"" + code + "\"").toArray(String[]::new))
                .contains("name=\"hope\"", "name=\"harm\"");
        assertThat(form.split("<fieldset", -1)).hasSize(3 + 5 + 2 + 1);

        HttpResponse<String> api = postJson("{\"token\": \"" + token + "\", \"ratings\": {\"" + notAsked
                + "\": 4, \"" + valuesAsked.get(0) + "\": 5}}");
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("ratings." + notAsked).doesNotContain("ratings." + valuesAsked.get(0));
        HttpResponse<String> page = postForm(token, Map.of(notAsked, "4", valuesAsked.get(0), "5", "harm", "no"));
        assertThat(page.statusCode()).isEqualTo(400);
        // Shown again as it was: only the items this form asks.
        assertThat(page.body()).doesNotContain("name=\"" + notAsked + "\"")
                .contains("name=\"" + valuesAsked.get(0) + "\"");
        Document untouched = sessions.invitation(token);
        assertThat(untouched.get("redeemedAt")).isNull();
        assertThat(untouched.getList("outbox", Document.class)).isEmpty();

        assertThat(postForm(token, Map.of(valuesAsked.get(0), "5", "NO_STIGMA", "4")).statusCode()).isEqualTo(200);
        ConsumerRecord<String, String> fact = TopicProbe.awaitRecord(TestBackends.kafkaBootstrapServers(),
                Topics.FEEDBACK, factOf(group.get(1).logged().sessionId()));
        FeedbackSubmitted submitted = codec.read(fact.value(), FeedbackSubmitted.class);
        assertThat(submitted.itemsAsked()).isEqualTo(itemsAsked);
        assertThat(submitted.ratings()).isEqualTo(Map.of(valuesAsked.get(0), 5, "NO_STIGMA", 4));
        assertThat(submitted.harmReported()).isFalse();

        // A later change of the setting leaves issued forms as they were.
        sessions.publishSettings(SessionStream.settings(agency, 2, null, Map.of()));
        await().atMost(WAIT).until(() -> directory.of(agency).version() == 2);
        String later = sessions.invitedGroup(agency, 1, Instant.now().plus(7, ChronoUnit.DAYS)).get(0).token();
        assertThat(sessions.invitation(later).getList("itemsAsked", String.class)).hasSize(13);
        assertThat(sessions.invitation(group.get(0).token()).getList("itemsAsked", String.class)).hasSize(8);
    }

    /** Publishes the agency's setting and waits until this service follows it. */
    private void rotate(String agency, int perForm) throws Exception {
        sessions.publishSettings(SessionStream.settings(agency, 1, perForm, Map.of()));
        await().atMost(WAIT).until(() -> Integer.valueOf(perForm)
                .equals(directory.of(agency).settings().valueItemsPerForm()));
    }

    /**
     * Logs sessions of 1 to 8 attendees (a third of them one-to-one) until they issued 1,000 invitations,
     * delivering every seventh session twice, as a relay that crashed after the broker's ack would; then waits
     * until all are learned.
     *
     * @return how many distinct sessions were logged
     */
    private int logThousandInvitations(String agency, Random random) throws Exception {
        List<CompletableFuture<?>> sent = new ArrayList<>();
        int issued = 0;
        int logged = 0;
        while (issued < INVITATIONS) {
            int attendees = Math.min(INVITATIONS - issued, random.nextInt(3) == 0 ? 1 : 1 + random.nextInt(8));
            SessionLogged session = sessionOf(agency, attendees);
            String json = codec.write(session);
            int copies = logged % 7 == 3 ? 2 : 1;
            for (int copy = 0; copy < copies; copy++) {
                sent.add(kafka.send(EventRecords.of(Topics.SESSIONS, agency, session.eventId().toString(),
                        EventTypes.typeOf(session), session.occurredAt(), "/session-service", json)));
            }
            issued += attendees;
            logged++;
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get();
        await().atMost(WAIT).until(() -> mongo.count(Query.query(Criteria.where("agencyId").is(agency)),
                "invitations") == INVITATIONS);
        return logged;
    }

    private static SessionLogged sessionOf(String agency, int attendees) {
        Instant expiresAt = Instant.now().plus(7, ChronoUnit.DAYS);
        List<SessionLogged.InvitationIssued> invitations = IntStream.range(0, attendees)
                .mapToObj(i -> new SessionLogged.InvitationIssued(
                        InvitationTokens.hashOf(InvitationTokens.issue(Instant.now())), expiresAt))
                .toList();
        return new SessionLogged(EventIds.newId(), Instant.now(), agency, UUID.randomUUID().toString(), "warmline",
                "sp-rivera", Instant.parse("2026-11-20T14:30:00Z"), 45, attendees == 1 ? Channel.PHONE : Channel.GROUP,
                attendees == 1 ? Activity.PEER_SUPPORT : Activity.GROUP_FACILITATION, List.of(FocusArea.WELLNESS),
                true, List.of(), Frameworks.PEER_CORE_V1.ref(), invitations.get(0), invitations);
    }

    private List<Document> invitationsOf(String agency) {
        return mongo.find(Query.query(Criteria.where("agencyId").is(agency)), Document.class, "invitations");
    }

    private static Predicate<ConsumerRecord<String, String>> factOf(String sessionId) {
        return record -> record.value().contains("\"sessionId\":\"" + sessionId + "\"");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept-Language", "en").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postJson(String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/feedback"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(String token, Map<String, String> answers) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("framework", "peer-core-v1@1");
        fields.put("lang", "en");
        fields.putAll(answers);
        String form = fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/f/" + token))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
