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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.AgencySettingsChanged;
import org.peerpulse.contracts.EventIds;
import org.peerpulse.contracts.InvitationTokens;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.testsupport.PeerPulseIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The participant form over real HTTP, without a browser: every outcome's page, status and headers,
 * that viewing never uses the token up, and that each agency's pages speak its form languages and show its
 * crisis line as soon as it changes them.
 */
@PeerPulseIntegrationTest(properties = {"peerpulse.outbox.poll-interval=50ms",
        "peerpulse.feedback.token-attempts-per-minute=100000"})
class ParticipantFormIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DEFAULT_CRISIS_LINE = "If you are in crisis, call or text 988 (US).";
    private static final String LANTERN_EN = "Need help now? Call the Lantern warm line at 555-0100, day or night.";
    private static final String LANTERN_ES = "¿Necesitas ayuda ahora? Llama a la línea de Lantern al 555-0100.";

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EventCodec codec;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private SessionStream sessions;

    @BeforeEach
    void sessions() {
        sessions = new SessionStream(kafka, codec, mongo);
    }

    @Test
    void theFormIsShownWithStrictHeadersAndViewingItTwiceUsesNothing() throws Exception {
        String token = sessions.invitedToken();

        HttpResponse<String> form = get("/f/" + token, "en-US,en;q=0.8");
        get("/f/" + token, "en");

        assertThat(form.statusCode()).isEqualTo(200);
        assertPageHeaders(form);
        assertThat(form.body()).contains("<html lang=\"en\"", "How did this session feel?",
                "I felt cared for and comforted.", "I leave this session more hopeful.",
                "Did anything in this session hurt you or make you feel unsafe?", "Not at all", "Very much",
                "Prefer not to answer", "If you are in crisis, call or text 988 (US).", "<fieldset",
                "<legend", "maxlength=\"1000\"", "href=\"?lang=es\"", "/assets/participant.css")
                .doesNotContain("<script", "style=\"");
        // Every question may be skipped, the do-no-harm one too (issue 15).
        assertThat(countOf(form.body(), "value=\"skip\"")).isEqualTo(15);
        assertThat(form.body().indexOf("id=\"harm-notice\"")).isPositive()
                .isLessThan(form.body().indexOf("Did anything in this session hurt you"));
        assertThat(form.body()).contains("to the agency&#39;s quality lead so they can follow up",
                "Your name is not sent.", "You can skip this question.")
                .doesNotContain("Your answers are anonymous");
        assertThat(sessions.invitation(token).get("redeemedAt")).isNull();
    }

    @Test
    void spanishComesFromAcceptLanguageOrTheLink() throws Exception {
        String token = sessions.invitedToken();

        assertThat(get("/f/" + token, "es-MX,es;q=0.9").body()).contains("<html lang=\"es\"",
                "Sentí que le importaba y me dio consuelo.", "Para nada", "Muchísimo", "Prefiero no responder",
                "href=\"?lang=en\"");
        assertThat(get("/f/" + token + "?lang=es", "en").body()).contains("<html lang=\"es\"",
                "Salgo de esta sesión con más esperanza.");
        assertThat(get("/f/" + token + "?lang=fr", "fr").body()).contains("<html lang=\"en\"");
    }

    @Test
    void sendingTheFormStoresTheAnswersOnceAndThanksInTheSameLanguage() throws Exception {
        String token = sessions.invitedToken();

        HttpResponse<String> thanks = post(token, answers("lang", "es", "KINDNESS", "5", "EMPATHY", "skip",
                "hope", "4", "harm", "no", "comment", "gracias <b>por</b> escuchar"));

        assertThat(thanks.statusCode()).isEqualTo(200);
        assertPageHeaders(thanks);
        assertThat(thanks.body()).contains("¡Gracias!").doesNotContain(token);
        Document answers = sessions.invitation(token).get("answers", Document.class);
        assertThat(answers.get("ratings", Document.class)).isEqualTo(new Document("KINDNESS", 5));
        assertThat(answers.getInteger("hope")).isEqualTo(4);
        assertThat(answers.getString("language")).isEqualTo("es");
        assertThat(answers.getString("mode")).isEqualTo("OWN_DEVICE");
        assertThat(answers.getString("comment")).isEqualTo("gracias <b>por</b> escuchar");

        HttpResponse<String> again = post(token, answers("harm", "no"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("You already answered");
        assertThat(get("/f/" + token, "en").statusCode()).isEqualTo(409);
    }

    @Test
    void kioskModeIsRecordedAndTheTabletIsAskedBack() throws Exception {
        String token = sessions.invitedToken();

        String form = get("/f/" + token + "?mode=kiosk", "en").body();
        assertThat(form).contains("name=\"mode\" value=\"kiosk\"", "href=\"?lang=es&amp;mode=kiosk\"");

        HttpResponse<String> thanks = post(token, answers("mode", "kiosk", "harm", "yes", "harmText", "loud"));
        assertThat(thanks.statusCode()).isEqualTo(200);
        assertThat(thanks.body()).contains("Please hand the tablet back");
        Document answers = sessions.invitation(token).get("answers", Document.class);
        assertThat(answers.getString("mode")).isEqualTo("KIOSK");
        assertThat(answers.getBoolean("harmReported")).isTrue();
    }

    @Test
    void invalidAnswersComeBackWithAccessibleErrorsAndNothingStored() throws Exception {
        String token = sessions.invitedToken();
        String longComment = "x".repeat(1001);

        HttpResponse<String> invalid = post(token, answers("KINDNESS", "9", "EMPATHY", "4", "hope", "many",
                "comment", longComment));

        assertThat(invalid.statusCode()).isEqualTo(400);
        assertPageHeaders(invalid);
        assertThat(invalid.body()).contains("role=\"alert\"", "Please check your answers",
                "aria-describedby=\"err-hope\"", "id=\"err-hope\"", "href=\"#q-hope\"");
        Document untouched = sessions.invitation(token);
        assertThat(untouched.get("redeemedAt")).isNull();
        assertThat(untouched.getList("outbox", Document.class)).isEmpty();

        HttpResponse<String> domainInvalid = post(token, answers("KINDNESS", "9", "EMPATHY", "4",
                "harm", "skip", "harmText", "they shouted", "comment", longComment));
        assertThat(domainInvalid.statusCode()).isEqualTo(400);
        assertThat(domainInvalid.body()).contains("aria-describedby=\"err-KINDNESS\"", "id=\"err-KINDNESS\"",
                "id=\"err-harmText\"", "choose &quot;Yes&quot; so the quality lead gets your words",
                "id=\"err-comment\"", "Please use at most 1,000 characters.")
                // The participant's own answers are kept for them to correct.
                .containsPattern("name=\"EMPATHY\" value=\"4\"\\s+checked");
        assertThat(sessions.invitation(token).get("redeemedAt")).isNull();
    }

    @Test
    void endedUnknownAndMalformedLinksGetFriendlyPages() throws Exception {
        SessionStream.Invited expired = sessions.invitedToken(Instant.now().minus(1, ChronoUnit.MINUTES));
        assertThat(get("/f/" + expired.token(), "en")).satisfies(page -> {
            assertThat(page.statusCode()).isEqualTo(410);
            assertThat(page.body()).contains("This link has ended");
        });

        SessionStream.Invited voided = sessions.invitedToken(Instant.now().plus(7, ChronoUnit.DAYS));
        sessions.voidSession(voided.logged());
        assertThat(post(voided.token(), answers("harm", "no")).statusCode()).isEqualTo(410);

        String old = InvitationTokens.issue(Instant.now().minus(1, ChronoUnit.DAYS));
        HttpResponse<String> unknown = get("/f/" + old, "es");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("No encontramos este enlace",
                "Si estás en crisis, llama o envía un mensaje de texto al 988 (EE. UU.).");
        assertPageHeaders(unknown);
        assertThat(get("/f/not-a-token", "en").statusCode()).isEqualTo(404);
        assertThat(post("not-a-token", answers("harm", "no")).statusCode()).isEqualTo(404);
    }

    @Test
    void aBrandNewLinkSaysOneMomentAndKeepsTheAnswers() throws Exception {
        String early = InvitationTokens.issue(Instant.now());

        HttpResponse<String> waiting = get("/f/" + early, "en");
        assertThat(waiting.statusCode()).isEqualTo(503);
        assertThat(waiting.headers().firstValue("Retry-After")).contains("3");
        assertThat(waiting.body()).contains("<meta http-equiv=\"refresh\" content=\"3\">", "One moment, please");

        HttpResponse<String> kept = post(early, answers("KINDNESS", "4", "harm", "no", "comment", "kept words"));
        assertThat(kept.statusCode()).isEqualTo(503);
        assertThat(kept.body()).contains("One moment, please", "Please press Send again",
                "kept words").containsPattern("name=\"KINDNESS\" value=\"4\"\\s+checked")
                .containsPattern("name=\"harm\" value=\"no\"\\s+checked");
        assertThat(sessions.invitation(early)).isNull();
    }

    /**
     * An agency's own crisis line and form languages come from its settings on the agencies topic, published as
     * session-service does, and take effect on the next page without a restart; until it sets any, the defaults
     * hold. Each run uses an agency of its own, so no other test sees its settings.
     */
    @Test
    void theFormSpeaksTheAgencysLanguagesWithItsCrisisLineAsSoonAsItChangesThem() throws Exception {
        String agency = "lantern-" + UUID.randomUUID();
        String token = sessions.invitedGroup(agency, 1, Instant.now().plus(7, ChronoUnit.DAYS)).get(0).token();
        assertThat(get("/f/" + token, "en").body()).contains(DEFAULT_CRISIS_LINE, "href=\"?lang=es\"");

        sessions.publishSettings(settings(agency, 1, List.of("es", "en"), Map.of("en", LANTERN_EN, "es", LANTERN_ES)));

        // Spanish is now the default, for a browser that asks for neither language.
        await().atMost(WAIT).until(() -> get("/f/" + token, "fr").body().contains(LANTERN_ES));
        assertThat(get("/f/" + token, "fr").body()).contains("<html lang=\"es\"", LANTERN_ES, "href=\"?lang=en\"",
                ">English</a>").doesNotContain("988");
        assertThat(get("/f/" + token, "en").body()).contains("<html lang=\"en\"", LANTERN_EN, ">Español</a>")
                .doesNotContain("988");

        sessions.publishSettings(settings(agency, 2, List.of("en"), Map.of("en", LANTERN_EN)));

        await().atMost(WAIT).until(() -> get("/f/" + token, "es").body().contains("<html lang=\"en\""));
        assertThat(get("/f/" + token + "?lang=es", "es").body()).contains("<html lang=\"en\"", LANTERN_EN)
                .doesNotContain("?lang=es", "class=\"lang\"");
        HttpResponse<String> thanks = post(token, answers("lang", "es", "harm", "no"));
        assertThat(thanks.statusCode()).isEqualTo(200);
        assertThat(thanks.body()).contains("Thank you!", LANTERN_EN);
        assertThat(sessions.invitation(token).get("answers", Document.class).getString("language")).isEqualTo("en");
        HttpResponse<String> answered = get("/f/" + token, "en");
        assertThat(answered.statusCode()).isEqualTo(409);
        assertThat(answered.body()).contains("You already answered", LANTERN_EN);

        String otherAgencys = sessions.invitedGroup("lantern-" + UUID.randomUUID(), 1,
                Instant.now().plus(7, ChronoUnit.DAYS)).get(0).token();
        assertThat(get("/f/" + otherAgencys, "en").body()).contains(DEFAULT_CRISIS_LINE).doesNotContain(LANTERN_EN);
    }

    /** An agency's settings as session-service publishes them: these form languages and crisis lines, else defaults. */
    private static AgencySettingsChanged settings(String agency, long version, List<String> formLanguages,
            Map<String, String> crisisLine) {
        AgencySettingsChanged.Settings defaults = AgencySettingsChanged.Settings.DEFAULTS;
        return new AgencySettingsChanged(EventIds.newId(), Instant.now(), agency, version, List.of(), List.of(),
                new AgencySettingsChanged.Settings(defaults.timeZone(), defaults.minCellSize(),
                        defaults.exportMinCellSize(), defaults.valuesIndexFloor(), defaults.trustIndexFloor(),
                        defaults.part2Programs(), crisisLine, formLanguages, defaults.valueItemsPerForm(),
                        defaults.alertWebhookUrl(), defaults.retention()));
    }

    @Test
    void theStylesheetIsServedAndPublic() throws Exception {
        HttpResponse<String> css = get("/assets/participant.css", "en");

        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/css"));
    }

    private static void assertPageHeaders(HttpResponse<String> page) {
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        // No script-src: scripts fall back to default-src 'none', so not even an inline one runs.
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .isEqualTo("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                        + "frame-ancestors 'none'; base-uri 'none'")
                .doesNotContain("script-src", "'unsafe-inline'", "'unsafe-eval'"));
        // No CSRF token on this form, on purpose: no page sets a cookie or keeps a session, so a forged
        // cross-site post carries no ambient credential; the only one is the token in the URL, and whoever
        // knows it can answer directly (see the package-info of web.form).
        assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
    }

    private HttpResponse<String> get(String path, String languages) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept-Language", languages).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String token, Map<String, String> fields) throws Exception {
        String form = fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/f/" + token))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> answers(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("framework", "peer-core-v1@1");
        fields.put("lang", "en");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private static int countOf(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
