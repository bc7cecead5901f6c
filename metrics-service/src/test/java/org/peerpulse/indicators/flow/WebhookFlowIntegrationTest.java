package org.peerpulse.indicators.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.peerpulse.indicators.flow.TestApi.assertProblem;
import static org.peerpulse.indicators.flow.TestApi.token;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.AgencySettingsChanged;
import org.peerpulse.contracts.EventIds;
import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.Topics;
import org.peerpulse.indicators.agencies.domain.Agencies;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.testsupport.PeerPulseIntegrationTest;
import org.peerpulse.testsupport.TestBackends;
import org.peerpulse.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Alert notifications on the real broker and store, to a real HTTP receiver on 127.0.0.1: a harm report is sent
 * once, signed with the agency's secret (checked here with the JDK's own HMAC, as a receiver would), without
 * anything the participant said; a receiver failing twice gets it on the third try; a copy of the event sends
 * nothing more; an agency without a webhook gets nothing and its alert says so; a fall against the 30 days
 * before opens one alert per scope and kind, is sent too, and does not repeat. Retries are quick here
 * ({@code first-retry} 200 ms); in production the first one waits 5 s.
 */
@PeerPulseIntegrationTest(properties = {
    "peerpulse.alerts.webhook.first-retry=200ms",
    "peerpulse.alerts.webhook.max-retry=1s",
    "peerpulse.alerts.webhook.poll-interval=1s",
    "peerpulse.alerts.webhook.private-addresses=true",
    "peerpulse.indicators.fall-check-interval=500ms",
    "peerpulse.alerts.inbox-url=https://metrics.harbor.example/alerts"})
class WebhookFlowIntegrationTest {

    private static final String GROUP = "webhook-it-" + UUID.randomUUID();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static WebhookReceiver receiver;

    @DynamicPropertySource
    static void group(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.consumer.group-id", () -> GROUP);
    }

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventCodec codec;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    Agencies agencies;
    @Autowired
    WebServerApplicationContext server;
    @Autowired
    MeterRegistry meters;
    @LocalServerPort
    int port;

    private TestEvents events;
    private TestApi api;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @BeforeEach
    void consumersAreListening() {
        events = new TestEvents(kafka, codec);
        api = new TestApi(port);
        await().atMost(WAIT).until(() -> listeners.getListenerContainers().stream()
                .allMatch(container -> !container.getAssignedPartitions().isEmpty()));
    }

    @Test
    void aHarmReportIsSentOnceSignedWithTheAgencysSecretAndWithoutTheParticipantsAnswers() throws Exception {
        String agency = "hooked-" + UUID.randomUUID();
        String path = "/" + agency;
        String lead = token(agency, "quality_lead", "lead-ana");
        events.settle(settings(agency, 5, receiver.url(path)), agencies);
        SessionLogged session = TestEvents.session(agency, "warmline", "sp-rivera",
                Instant.parse("2026-11-20T09:00:00Z"));
        FeedbackSubmitted harm = TestEvents.feedback(session, Map.of("KINDNESS", 1, "EMPATHY", 2), 1, true);
        events.publish(Topics.SESSIONS, session);
        events.send(events.record(Topics.FEEDBACK, harm));
        // The same event again, as a producer retry or a relay that crashed before marking it.
        events.send(events.record(Topics.FEEDBACK, harm));

        WebhookReceiver.Received request = await().atMost(WAIT).until(() -> receiver.at(path), list -> !list.isEmpty())
                .get(0);
        JsonNode alert = await().atMost(WAIT).until(() -> alerts(agency, lead),
                items -> items.size() == 1 && "delivered".equals(delivery(items.get(0)).get("state").asString()))
                .get(0);
        awaitCaughtUp();
        // Whatever is still on its way has had a poll interval and more to arrive: still exactly one request.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> receiver.at(path).size() == 1);
        System.out.println("Received webhook request:\n" + request);

        String id = alert.get("id").asString();
        assertThat(request.header("webhook-id")).isEqualTo(id);
        assertThat(id).isEqualTo(FeedbackSubmitted.harmAlertId(harm.eventId()).toString());
        long timestamp = Long.parseLong(request.header("webhook-timestamp"));
        assertThat(timestamp).isBetween(Instant.now().minusSeconds(60).getEpochSecond(), Instant.now().getEpochSecond());
        assertThat(request.header("content-type")).isEqualTo("application/json");

        TestApi.Answer webhook = api.get("/api/v1/alerts/webhook", lead);
        assertThat(webhook.status()).isEqualTo(200);
        assertThat(webhook.body().get("url").asString()).isEqualTo(receiver.url(path));
        String secret = webhook.body().get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        assertThat(request.header("webhook-signature"))
                .isEqualTo("v1," + hmac(secret, id + "." + timestamp + "." + request.body()));

        JsonNode body = TestApi.JSON.readTree(request.body());
        assertThat(body.get("type").asString()).isEqualTo("alert.opened");
        JsonNode data = body.get("data");
        assertThat(data.get("id").asString()).isEqualTo(id);
        assertThat(data.get("kind").asString()).isEqualTo("HARM_REPORT");
        assertThat(data.get("agencyId").asString()).isEqualTo(agency);
        assertThat(data.get("programId").asString()).isEqualTo("warmline");
        assertThat(data.get("specialistId").asString()).isEqualTo("sp-rivera");
        assertThat(data.get("sessionDate").asString()).isEqualTo("2026-11-20");
        assertThat(data.get("openedAt").asString()).isEqualTo(alert.get("openedAt").asString());
        assertThat(data.get("link").asString()).isEqualTo("https://metrics.harbor.example/alerts");
        // Nothing from the answer itself: no ratings, hope, language, mode, session or event id.
        assertThat(request.body()).doesNotContain("KINDNESS", "EMPATHY", "hope", "OWN_DEVICE", "\"en\"",
                session.sessionId(), harm.eventId().toString(), "comment", "token", "text");

        JsonNode delivery = delivery(alert);
        assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
        assertThat(delivery.get("lastStatus").asInt()).isEqualTo(200);

        String specialist = token(agency, "specialist", "sp-rivera");
        assertProblem(api.get("/api/v1/alerts/webhook", specialist), 403);
        assertProblem(api.get("/api/v1/alerts/webhook", null), 401);
        String stranger = token("other-" + UUID.randomUUID(), "quality_lead", "lead-zed");
        assertThat(api.get("/api/v1/alerts/webhook", stranger).body().get("secret").asString()).isNotEqualTo(secret);

        // Reading the secret is audited, without the secret in the record.
        List<JsonNode> trail = await().atMost(WAIT).until(() -> trail(lead),
                found -> found.stream().anyMatch(record -> record.get("action").asString().equals("alert.webhook.read")));
        assertThat(trail).filteredOn(record -> record.get("action").asString().equals("alert.webhook.read"))
                .singleElement().satisfies(record -> {
                    assertThat(record.get("actor").asString()).isEqualTo("lead-ana");
                    assertThat(record.toString()).doesNotContain(secret.substring(6));
                });

        // The inbox says it was delivered, and links the harm report to the participant's words on feedback-service.
        String inbox = inbox(agency, "lead-page");
        assertThat(inbox).contains("Webhook: delivered", "(1 try)", "Read what the participant wrote",
                "href=\"http://127.0.0.1:8082/harm-reports/" + id + "\"");
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheSameNoticeOnTheThirdTry() throws Exception {
        String agency = "flaky-" + UUID.randomUUID();
        String path = "/" + agency;
        String lead = token(agency, "quality_lead", "lead-ana");
        receiver.answer(path, 500, 503);
        events.settle(settings(agency, 5, receiver.url(path)), agencies);
        SessionLogged session = TestEvents.session(agency, "warmline", "sp-chen", Instant.parse("2026-11-21T09:00:00Z"));
        events.publish(Topics.SESSIONS, session);
        events.publish(Topics.FEEDBACK, TestEvents.feedback(session, Map.of(), 2, true));

        JsonNode alert = await().atMost(WAIT).until(() -> alerts(agency, lead),
                items -> items.size() == 1 && "delivered".equals(delivery(items.get(0)).get("state").asString()))
                .get(0);
        assertThat(delivery(alert).get("attempts").asInt()).isEqualTo(3);
        assertThat(delivery(alert).get("lastStatus").asInt()).isEqualTo(200);
        List<WebhookReceiver.Received> tries = receiver.at(path);
        assertThat(tries).hasSize(3).extracting(request -> request.header("webhook-id"))
                .containsOnly(alert.get("id").asString());
        // The body is the same on every try; the timestamp and so the signature are the try's own.
        assertThat(tries).extracting(WebhookReceiver.Received::body).containsOnly(tries.get(0).body());
        // Counted by outcome only (and the common application tag); other tests' notices count here too.
        assertThat(meters.get("peerpulse.alerts.webhook.attempts").counters())
                .allSatisfy(counter -> assertThat(counter.getId().getTags()).extracting(tag -> tag.getKey())
                        .containsExactlyInAnyOrder("application", "outcome"));
        assertThat(meters.get("peerpulse.alerts.webhook.attempts").tag("outcome", "retrying").counter().count())
                .isGreaterThanOrEqualTo(2);
        assertThat(meters.get("peerpulse.alerts.webhook.delivery").timer().count()).isPositive();
    }

    @Test
    void anAgencyWithoutAWebhookGetsNothingAndItsAlertSaysSo() throws Exception {
        String agency = "quiet-" + UUID.randomUUID();
        String lead = token(agency, "quality_lead", "lead-ana");
        SessionLogged session = TestEvents.session(agency, "warmline", "sp-chen", Instant.parse("2026-11-21T09:00:00Z"));
        events.publish(Topics.SESSIONS, session);
        events.publish(Topics.FEEDBACK, TestEvents.feedback(session, Map.of(), 2, true));

        JsonNode alert = await().atMost(WAIT).until(() -> alerts(agency, lead), items -> items.size() == 1).get(0);
        awaitCaughtUp();
        assertThat(delivery(alert).get("state").asString()).isEqualTo("not-configured");
        assertThat(delivery(alert).get("attempts").asInt()).isZero();
        assertThat(receiver.at("/" + agency)).isEmpty();
        TestApi.Answer webhook = api.get("/api/v1/alerts/webhook", lead);
        assertThat(webhook.body().get("url").isNull()).isTrue();
        assertThat(webhook.body().get("secret").asString()).startsWith("whsec_");
    }

    /**
     * k = 3 in this agency. Thirty-five days ago three sessions of warmline by sp-ana were rated KINDNESS 5;
     * two days ago three more were rated KINDNESS 3 (hope 4 on both sides). The trailing 30 days against the
     * 30 before: KINDNESS fell from 5 to 3 and the values index (KINDNESS alone is rated) from 100 to 50, in the
     * program and for the specialist; hope held and TRUST is not shown. Four alerts, each sent once, none
     * repeated by later events in the same period.
     */
    @Test
    void aFallAgainstTheThirtyDaysBeforeOpensOneAlertPerScopeAndKindAndIsSent() throws Exception {
        String agency = "falling-" + UUID.randomUUID();
        String path = "/" + agency;
        String lead = token(agency, "quality_lead", "lead-ana");
        events.settle(settings(agency, 3, receiver.url(path)), agencies);
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS).plusSeconds(12 * 3600);
        for (int i = 0; i < 3; i++) {
            rate(agency, today.minus(Duration.ofDays(35)), 5);
            rate(agency, today.minus(Duration.ofDays(2)), 3);
        }

        List<JsonNode> opened = await().atMost(WAIT).until(() -> alerts(agency, lead), items -> items.size() == 4);
        assertThat(opened).extracting(alert -> alert.get("kind").asString() + " "
                + (alert.get("programId").isNull() ? "specialist " + alert.get("specialistId").asString()
                        : "program " + alert.get("programId").asString()))
                .containsExactlyInAnyOrder("ITEM_MEAN_FELL program warmline", "VALUES_INDEX_FELL program warmline",
                        "ITEM_MEAN_FELL specialist sp-ana", "VALUES_INDEX_FELL specialist sp-ana");
        assertThat(opened).filteredOn(alert -> alert.get("kind").asString().equals("ITEM_MEAN_FELL"))
                .allSatisfy(alert -> {
                    assertThat(alert.get("item").asString()).isEqualTo("KINDNESS");
                    assertThat(alert.get("previous").asDouble()).isEqualTo(5.0);
                    assertThat(alert.get("index").asDouble()).isEqualTo(3.0);
                });
        assertThat(opened).filteredOn(alert -> alert.get("kind").asString().equals("VALUES_INDEX_FELL"))
                .allSatisfy(alert -> {
                    assertThat(alert.get("previous").asDouble()).isEqualTo(100.0);
                    assertThat(alert.get("index").asDouble()).isEqualTo(50.0);
                    assertThat(alert.get("item").isNull()).isTrue();
                });
        await().atMost(WAIT).until(() -> alerts(agency, lead).stream()
                .allMatch(alert -> "delivered".equals(delivery(alert).get("state").asString())));

        // More answers in the same period, still falling: checked again, nothing new opened or sent.
        rate(agency, today.minus(Duration.ofDays(1)), 2);
        awaitCaughtUp();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> alerts(agency, lead).size() == 4 && receiver.at(path).size() == 4);
        assertThat(receiver.at(path)).extracting(request -> request.header("webhook-id")).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(opened.stream().map(alert -> alert.get("id").asString()).toList());
    }

    private void rate(String agency, Instant at, int kindness) throws Exception {
        SessionLogged session = TestEvents.session(agency, "warmline", "sp-ana", at);
        events.publish(Topics.SESSIONS, session);
        events.publish(Topics.FEEDBACK, TestEvents.feedback(session, Map.of("KINDNESS", kindness), 4, false));
    }

    private static AgencySettingsChanged settings(String agency, int k, String webhookUrl) {
        AgencySettingsChanged.Settings defaults = AgencySettingsChanged.Settings.DEFAULTS;
        return new AgencySettingsChanged(EventIds.newId(), Instant.now(), agency, 1, List.of(), List.of(),
                new AgencySettingsChanged.Settings("UTC", k, Math.max(k, defaults.exportMinCellSize()), null, null,
                        List.of(), defaults.crisisLine(), defaults.formLanguages(), defaults.valueItemsPerForm(),
                        webhookUrl, defaults.retention()));
    }

    /** What a receiver computes: base64 HMAC-SHA256 with the base64-decoded bytes after {@code whsec_}. */
    private static String hmac(String secret, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    private List<JsonNode> trail(String token) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        api.get("/api/v1/audit?size=100", token).body().get("items").forEach(items::add);
        return items;
    }

    /** The inbox page as a signed-in quality lead sees it (a session put straight into the server's store). */
    private String inbox(String agency, String subject) throws Exception {
        Instant now = Instant.now();
        OidcIdToken idToken = new OidcIdToken("id-token", now, now.plus(Duration.ofMinutes(10)),
                Map.of("sub", subject, "iss", "http://127.0.0.1:1", "agency", agency, "roles", List.of("quality_lead")));
        DefaultOidcUser user = new DefaultOidcUser(List.of(new SimpleGrantedAuthority("ROLE_quality_lead"),
                new SimpleGrantedAuthority("AGENCY_" + agency)), idToken);
        Context context = (Context) ((TomcatWebServer) server.getWebServer()).getTomcat().getHost().findChildren()[0];
        Session session = context.getManager().createSession(null);
        session.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(new OAuth2AuthenticationToken(user, user.getAuthorities(), "peerpulse")));
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/alerts"))
                        .header("Cookie", "PEERPULSE_DASHBOARD=" + session.getId()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    private static JsonNode delivery(JsonNode alert) {
        return alert.get("delivery");
    }

    private List<JsonNode> alerts(String agency, String token) throws Exception {
        TestApi.Answer answer = api.get("/api/v1/alerts", token);
        assertThat(answer.status()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        answer.body().get("items").forEach(items::add);
        assertThat(items).allSatisfy(item -> assertThat(item.get("agencyId").asString()).isEqualTo(agency));
        return items;
    }

    private void awaitCaughtUp() {
        TopicProbe.awaitCaughtUp(TestBackends.kafkaBootstrapServers(), GROUP, WAIT, Topics.SESSIONS, Topics.FEEDBACK);
    }
}
