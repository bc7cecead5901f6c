package org.peerpulse.indicators.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.Topics;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.testsupport.PeerPulseIntegrationTest;
import org.peerpulse.testsupport.TestIssuer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A specialist's learning page over real HTTP, on the real broker and store. Sign-in itself runs against the
 * real authorization server in local-stack's DashboardPageBrowserTest; here each person's session is put
 * straight into the running server, as the OpenID Connect sign-in leaves it.
 *
 * <pre>
 * AGENCY, ten days ago (so in this week's release whatever day the test runs), k = 5:
 *   sp-ana   6 answers  KINDNESS 5, EMPATHY 4, NO_STIGMA 3, hope 4; COURAGE 2 on only 2 of them; 1 harm report
 *   sp-dev   5 answers  KINDNESS 1, EMPATHY 2, NO_STIGMA 5, hope 1
 * OTHER,  sp-ana 5 answers, every item 1: the same specialist id in another agency
 * GAP,    sp-kim 6 sessions practicing KINDNESS (rated 5) and 5 not (rated 4), 2 of those practicing EMPATHY
 * </pre>
 */
@PeerPulseIntegrationTest
class LearningPageIntegrationTest {

    private static final String GROUP = "learning-page-it-" + UUID.randomUUID();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String AGENCY = "page" + UUID.randomUUID().toString().substring(0, 8);
    private static final String OTHER = "other" + UUID.randomUUID().toString().substring(0, 8);
    private static final String GAP = "gap" + UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void group(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.consumer.group-id", () -> GROUP);
        registry.add("peerpulse.page.workspace-url", () -> "http://127.0.0.1:18081/");
    }

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventCodec codec;
    @Autowired
    WebServerApplicationContext server;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private static volatile boolean published;

    @BeforeEach
    void theAnswersAreCounted() throws Exception {
        if (published) {
            return;
        }
        TestEvents events = new TestEvents(kafka, codec);
        Instant tenDaysAgo = Instant.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.HOURS);
        publish(events, AGENCY, "sp-ana", tenDaysAgo, 6, Map.of("KINDNESS", 5, "EMPATHY", 4, "NO_STIGMA", 3), 4, 2);
        publish(events, AGENCY, "sp-dev", tenDaysAgo, 5, Map.of("KINDNESS", 1, "EMPATHY", 2, "NO_STIGMA", 5), 1, 0);
        publish(events, OTHER, "sp-ana", tenDaysAgo, 5, Map.of("KINDNESS", 1, "EMPATHY", 1, "NO_STIGMA", 1), 1, 0);
        for (int i = 0; i < 11; i++) {
            List<String> practiced = i < 6 ? List.of("KINDNESS") : i < 8 ? List.of("EMPATHY") : List.of();
            SessionLogged session = TestEvents.practicing(
                    TestEvents.session(GAP, "warmline", "sp-kim", tenDaysAgo.plusSeconds(60L * i)), practiced);
            events.publish(Topics.SESSIONS, session);
            events.publish(Topics.FEEDBACK, TestEvents.feedback(session, Map.of("KINDNESS", i < 6 ? 5 : 4), 4, false));
        }
        TestApi api = new TestApi(port);
        String from = LocalDate.now(ZoneOffset.UTC).minusDays(20).toString();
        for (String[] expected : List.of(new String[] { AGENCY, "sp-ana", "6" }, new String[] { AGENCY, "sp-dev", "5" },
                new String[] { OTHER, "sp-ana", "5" }, new String[] { GAP, "sp-kim", "11" })) {
            String lead = TestApi.token(expected[0], "quality_lead", "lead");
            await().atMost(WAIT).until(() -> api.get("/api/v1/dashboards/specialists/" + expected[1] + "?from=" + from,
                    lead), answer -> answer.status() == 200
                            && answer.body().get("responses").asLong() == Long.parseLong(expected[2]));
        }
        published = true;
    }

    @Test
    void aSpecialistSeesTheirOwnReleaseStrengthsFirstThenEachValueAndNoHarm() throws Exception {
        HttpResponse<String> page = get("/learning", specialist(AGENCY, "sp-ana", "Ana Rivera"), null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertPageHeaders(page);
        String html = page.body();
        assertThat(html).contains("<html lang=\"en\"", "What participants said", "Hello, Ana Rivera.", "Answers counted: 6.");
        // Strengths first, then each value, then the principles and hope.
        assertThat(html).containsSubsequence("Your strengths", "Each value", "How the sessions felt", "Hope");
        assertThat(strengths(html)).containsExactly("Kindness", "Empathy", "No stigma");
        assertThat(html).contains("People felt comfort and care");
        // Each value the release shows, strongest first, in plain words with the participants' mean.
        assertThat(row(html, "KINDNESS")).contains("Kindness", "5.0", "out of 5").doesNotContain("not enough");
        assertThat(row(html, "EMPATHY")).contains("4.0");
        assertThat(html).containsSubsequence("data-item=\"KINDNESS\"", "data-item=\"EMPATHY\"", "data-item=\"COURAGE\"");
        // Two answers are fewer than k: the page says so and holds no number for it.
        assertThat(row(html, "COURAGE")).contains("Courage", "not enough answers yet").doesNotContainPattern("\\d");
        assertThat(row(html, "GIVING_BACK")).contains("not enough answers yet");
        assertThat(row(html, "NO_STIGMA")).contains("3.0");
        assertThat(html).contains("4.0", "rated it 4 or 5");
        // Never a harm report, a comment or an alert, and no other specialist's or agency's numbers.
        assertThat(html.toLowerCase()).doesNotContain("harm", "comment", "alert");
        assertThat(html).doesNotContain("sp-dev", OTHER, "1.0");
        assertThat(html).contains("href=\"http://127.0.0.1:18081/\"", "Back to my workspace");
        // The only form is sign-out, and it carries the page's CSRF token.
        assertThat(html).contains("action=\"/logout\"");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(csrf.find()).as("the sign-out form carries a CSRF token").isTrue();
        assertThat(Pattern.compile("<form").matcher(html).results().count()).isEqualTo(1);
    }

    @Test
    void afterStrengthsThePageComparesWhatTheSpecialistSaidTheyPracticedWithHowParticipantsRatedIt() throws Exception {
        String kim = specialist(GAP, "sp-kim", "Kim");

        String html = get("/learning", kim, null).body();

        assertThat(html).containsSubsequence("Your strengths", "What you practiced", "Each value");
        assertThat(gap(html, "KINDNESS")).isEqualTo("You said you practiced Kindness in 6 sessions. "
                + "Participants rated Kindness 5.0 in those sessions and 4.0 in your other sessions.");
        // Two sessions, and no EMPATHY answers at all: not enough on either side, so no number but the sessions.
        assertThat(gap(html, "EMPATHY")).isEqualTo("You said you practiced Empathy in 2 sessions. "
                + "How participants rated it: not enough answers yet.");
        assertThat(html).containsSubsequence("data-value=\"KINDNESS\"", "data-value=\"EMPATHY\"");

        String spanish = get("/learning?lang=es", kim, null).body();
        assertThat(spanish).containsSubsequence("Tus fortalezas", "Lo que practicaste", "Cada valor");
        assertThat(gap(spanish, "KINDNESS")).isEqualTo("Dijiste que practicaste Amabilidad en 6 sesiones. "
                + "Las personas valoraron Amabilidad con 5,0 en esas sesiones y con 4,0 en tus otras sesiones.");
        assertThat(gap(spanish, "EMPATHY")).isEqualTo("Dijiste que practicaste Empatía en 2 sesiones. "
                + "Cómo lo valoraron: aún no hay suficientes respuestas.");

        // Ana named no value she practiced: the page shows no gap at all.
        assertThat(get("/learning", specialist(AGENCY, "sp-ana", "Ana Rivera"), null).body())
                .doesNotContain("What you practiced", "data-value=");
    }

    @Test
    void theViewIsTheSignedInSpecialistsOwnWhateverTheQueryAsks() throws Exception {
        String dev = specialist(AGENCY, "sp-dev", "Dev");
        String html = get("/learning?specialist=sp-ana&specialistId=sp-ana", dev, null).body();
        assertThat(strengths(html)).containsExactly("No stigma", "Empathy", "Kindness");
        assertThat(row(html, "NO_STIGMA")).contains("5.0");
        assertThat(row(html, "KINDNESS")).contains("1.0");
        assertThat(html).doesNotContain("Ana");

        String anaElsewhere = get("/learning", specialist(OTHER, "sp-ana", "Ana"), null).body();
        assertThat(row(anaElsewhere, "KINDNESS")).contains("1.0").doesNotContain("5.0");
    }

    @Test
    void beforeTheFirstReleaseThePageSaysWhenAndShowsNoNumber() throws Exception {
        HttpResponse<String> page = get("/learning", specialist(AGENCY, "sp-new", "Noor"), null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Nothing to show yet", "at least 5 participants")
                .doesNotContain("Your strengths", "out of 5", "data-item=");
        assertThat(page.body()).doesNotContainPattern("\\d+ more");
    }

    @Test
    void inSpanishByTheSwitchOrByTheBrowser() throws Exception {
        String ana = specialist(AGENCY, "sp-ana", "Ana Rivera");
        String english = get("/learning", ana, null).body();
        assertThat(english).contains("href=\"/learning?lang=es\"", ">Español<");

        for (HttpResponse<String> spanish : List.of(get("/learning?lang=es", ana, null), get("/learning", ana, "es-MX,es;q=0.9"))) {
            String html = spanish.body();
            assertThat(html).contains("<html lang=\"es\"", "Lo que dijeron las personas", "Hola, Ana Rivera.",
                    "Tus fortalezas", "Cada valor", "Esperanza", "Cerrar sesión", "Volver a mi espacio de trabajo",
                    "href=\"/learning?lang=en\"");
            assertThat(strengths(html)).containsExactly("Amabilidad", "Empatía", "Sin estigma");
            assertThat(row(html, "KINDNESS")).contains("5,0", "de 5");
            assertThat(row(html, "COURAGE")).contains("aún no hay suficientes respuestas").doesNotContainPattern("\\d");
            assertThat(html).doesNotContain("Your strengths", "not enough answers yet");
        }
        assertThat(get("/learning?lang=fr", ana, "fr-FR").body()).contains("<html lang=\"en\"", "Your strengths");
    }

    @Test
    void eachPageIsForItsOwnRole() throws Exception {
        String ana = specialist(AGENCY, "sp-ana", "Ana Rivera");
        // A specialist who signs in at the dashboard's address lands on their learning page.
        for (String dashboard : List.of("/", "/programs/warmline", "/specialists/sp-ana", "/alerts")) {
            HttpResponse<String> sent = get(dashboard, ana, null);
            assertThat(sent.statusCode()).as(dashboard).isEqualTo(302);
            assertThat(sent.headers().firstValue("Location")).as(dashboard)
                    .hasValueSatisfying(location -> assertThat(location).endsWith(":" + port + "/learning"));
        }
        // A quality lead has no learning view of their own; the learning page sends them to the dashboard.
        String lead = person(AGENCY, List.of("quality_lead"), null, "Lena");
        HttpResponse<String> leadAtLearning = get("/learning", lead, null);
        assertThat(leadAtLearning.statusCode()).isEqualTo(302);
        assertThat(leadAtLearning.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith(":" + port + "/"));
        assertThat(leadAtLearning.body()).doesNotContain("Kindness", "5.0");
        assertThat(get("/", lead, null).statusCode()).isEqualTo(200);
        // A specialist whose sign-in names no specialist id has no view; nor has someone of no agency.
        String noId = person(AGENCY, List.of("specialist"), null, "Anon");
        for (String path : List.of("/learning", "/")) {
            HttpResponse<String> refused = get(path, noId, null);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.body()).contains("quality leads and peer specialists").doesNotContain("Kindness");
        }
        assertThat(get("/learning", person(null, List.of("specialist"), "sp-ana", "Ana"), null).statusCode())
                .isEqualTo(403);
        // Nobody signed in is sent to sign in; a form posted without its CSRF token is refused.
        HttpResponse<String> stranger = get("/learning", null, null);
        assertThat(stranger.statusCode()).isEqualTo(302);
        assertThat(stranger.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/oauth2/authorization/peerpulse"));
        assertThat(post("/logout", ana, "").statusCode()).isEqualTo(403);
        assertThat(post("/learning", ana, "").statusCode()).isEqualTo(403);
    }

    // --- the page over HTTP -------------------------------------------------------------------------------

    /** The names on the strength cards, top to bottom. */
    private static List<String> strengths(String html) {
        List<String> names = new ArrayList<>();
        Matcher name = Pattern.compile("<span class=\"strength-name\">([^<]+)</span>").matcher(html);
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }

    /** The reflection gap's line for one value, as text. */
    private static String gap(String html, String code) {
        Matcher line = Pattern.compile("<li[^>]*data-value=\"" + code + "\"[^>]*>(.*?)</li>", Pattern.DOTALL).matcher(html);
        assertThat(line.find()).as("a reflection line for " + code).isTrue();
        return line.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").replace(" .", ".").trim();
    }

    /** The table row of one item, its name to its last cell. */
    private static String row(String html, String code) {
        Matcher row = Pattern.compile("<tr[^>]*data-item=\"" + code + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(html);
        assertThat(row.find()).as("a row for " + code).isTrue();
        return row.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
    }

    private HttpResponse<String> get(String path, String sessionCookie, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (sessionCookie != null) {
            request.header("Cookie", sessionCookie);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String sessionCookie, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Cookie", sessionCookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertPageHeaders(HttpResponse<String> page) {
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'none'", "script-src 'self';", "style-src 'self';", "frame-ancestors 'none'")
                .doesNotContain("'unsafe-inline'", "'unsafe-eval'"));
        assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(
                cache -> assertThat(cache).contains("no-store"));
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
    }

    private String specialist(String agency, String specialistId, String name) {
        return person(agency, List.of("specialist"), specialistId, name);
    }

    /**
     * A session as the OpenID Connect sign-in leaves it, put straight into the running server's session store;
     * the authorities are the ones the page chain's user service derives from the ID token. Answers the cookie.
     */
    private String person(String agency, List<String> roles, String specialistId, String name) {
        Instant now = Instant.now();
        Map<String, Object> claims = new HashMap<>(Map.of("sub", "person-" + UUID.randomUUID(),
                "iss", TestIssuer.shared().issuerUri(), "roles", roles, "name", name));
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        if (agency != null) {
            claims.put("agency", agency);
            authorities.add(new SimpleGrantedAuthority("AGENCY_" + agency));
        }
        if (specialistId != null) {
            claims.put("specialist", specialistId);
        }
        DefaultOidcUser user = new DefaultOidcUser(authorities,
                new OidcIdToken("id-token", now, now.plus(Duration.ofMinutes(10)), claims));
        Context context = (Context) ((TomcatWebServer) server.getWebServer()).getTomcat().getHost().findChildren()[0];
        Session session = context.getManager().createSession(null);
        session.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(new OAuth2AuthenticationToken(user, user.getAuthorities(), "peerpulse")));
        return "PEERPULSE_DASHBOARD=" + session.getId();
    }

    /**
     * {@code answers} sessions of {@code specialist}, each answered with {@code ratings} and {@code hope};
     * the first {@code courage} of them also rate courage 2, and for sp-ana the first one reports harm.
     */
    private static void publish(TestEvents events, String agency, String specialist, Instant at, int answers,
            Map<String, Integer> ratings, int hope, int courage) throws Exception {
        for (int i = 0; i < answers; i++) {
            SessionLogged session = TestEvents.session(agency, "warmline", specialist, at.plusSeconds(60L * i));
            Map<String, Integer> rated = new HashMap<>(ratings);
            if (i < courage) {
                rated.put("COURAGE", 2);
            }
            events.publish(Topics.SESSIONS, session);
            events.publish(Topics.FEEDBACK, TestEvents.feedback(session, rated, hope, courage > 0 && i == 0));
        }
    }
}
