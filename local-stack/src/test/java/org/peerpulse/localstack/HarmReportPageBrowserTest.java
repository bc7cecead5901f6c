package org.peerpulse.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.peerpulse.testsupport.AxeCheck;
import org.peerpulse.testsupport.HeadlessChromium;
import org.peerpulse.testsupport.TestBackends;
import org.peerpulse.testsupport.Viewport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * feedback-service's page for quality leads in a real headless Chromium on the real local stack (authorization
 * server, the three services, the shared test broker and store). A participant reports harm in their own words;
 * metrics-service opens the alert; harbor's lead follows the alert's link to feedback-service, signs in at the
 * local authorization server and reads the words, in English and Spanish, at phone and laptop width, with no
 * serious or critical axe-core violation. Sunrise's lead finds no such report there, and a specialist is
 * refused. Screenshots go to {@code target/screenshots/harm-report-*}. Without Chromium the test is skipped,
 * except in CI.
 */
class HarmReportPageBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String WORDS = "When I said I was scared to go back, my peer laughed and told me to get over it.";

    @TempDir
    static Path dataDir;

    private static Ports ports;
    private static RunningStack stack;
    private static ChromeDriver browser;
    private static HeadlessChromium chromium;
    private static JsonNode alert;

    @BeforeAll
    static void startTheStackAndTheBrowser() throws Exception {
        HeadlessChromium.requireInstalled();
        ports = Ports.free();
        stack = LocalStack.start(StackPlan.onBackends(Path.of(".."), dataDir, ports,
                System.getProperty("java.class.path"), TestBackends.kafkaBootstrapServers(), TestBackends::mongoUri),
                System.out);
        alert = reportHarm();

        chromium = HeadlessChromium.start(Viewport.LAPTOP, Duration.ofSeconds(60), options -> { });
        browser = chromium.driver();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopEverything() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void signedOut() {
        // Every service and the authorization server share the host 127.0.0.1: this clears all their sessions.
        browser.get(feedback("/assets/lead.css"));
        browser.manage().deleteAllCookies();
    }

    @Test
    void theAgencysLeadFollowsTheAlertToTheParticipantsWords() throws Exception {
        Viewport.PHONE.emulateOn(browser);
        String page = feedback("/harm-reports/" + alert.path("id").asString());
        signInThrough(page, "lena", "harbor-lead-password");
        awaitHeading("What the participant wrote");

        assertThat(browser.findElement(By.cssSelector("main blockquote")).getText()).isEqualTo(WORDS);
        String shown = browser.findElement(By.tagName("main")).getText();
        assertThat(shown).contains("harbor-recovery-coaching", "Session date", alert.path("id").asString());
        assertThat(shown).doesNotContain(alert.path("sessionId").asString(), "ana-rivera", "Ana Rivera");
        assertThat(browser.findElement(By.cssSelector(".facts")).getText())
                .contains(LocalDate.now(ZoneOffset.UTC).getYear() + "");
        assertThat(pageWidth()).as("nothing wider than the phone").isLessThanOrEqualTo(viewportWidth());
        accessibleOnPhoneAndLaptop("harm-report-en");

        // The page itself: never cached, never named in a Referer (the session cookie is the browser's own).
        Cookie session = browser.manage().getCookieNamed("PEERPULSE_FEEDBACK_LEADS");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        HttpResponse<String> direct = StackClient.send(HttpRequest.newBuilder(URI.create(page))
                .header("Cookie", session.getName() + "=" + session.getValue()).GET());
        assertThat(direct.statusCode()).isEqualTo(200);
        assertThat(direct.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(direct.headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("no-store"));
        assertThat(direct.body()).contains("laughed and told me");

        // The page's reads are in feedback-service's audit trail under the API's action, by alert id, without the words.
        String trail = await("the page's reads audited").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(300)).until(() -> StackClient.send(HttpRequest.newBuilder(URI.create(
                        feedback("/api/v1/audit?action=harm_report.read"))).header("Authorization", "Bearer "
                        + StackClient.token(ports.auth(), "harbor-lead")).GET()).body(),
                        body -> body.contains(alert.path("id").asString()));
        assertThat(JSON.readTree(trail).path("items").get(0).path("actor").asString()).isEqualTo("lena");
        assertThat(trail).doesNotContain("laughed");

        browser.findElement(By.linkText("Español")).click();
        awaitHeading("Lo que escribió la persona participante");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("es");
        assertThat(browser.findElement(By.cssSelector("main blockquote")).getText()).isEqualTo(WORDS);
        accessibleOnPhoneAndLaptop("harm-report-es");

        // From the report to the program's comments: this month has not ended, so none are shown yet.
        browser.findElement(By.linkText("Comentarios sobre este programa")).click();
        awaitHeading("Comentarios del programa");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("este mes no ha terminado")
                .doesNotContain(WORDS);
        accessibleOnPhoneAndLaptop("harm-report-comments-es");
        browser.findElement(By.linkText("English")).click();
        awaitHeading("Program comments");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("this month has not ended");
        accessibleOnPhoneAndLaptop("harm-report-comments-en");
    }

    @Test
    void anotherAgencysLeadFindsNoSuchReport() {
        Viewport.LAPTOP.emulateOn(browser);
        signInThrough(feedback("/harm-reports/" + alert.path("id").asString()), "sam", "sunrise-lead-password");
        awaitHeading("No such harm report");
        assertThat(browser.getPageSource()).doesNotContain("laughed", "harbor");
        accessibleOnPhoneAndLaptop("harm-report-other-agency");
        browser.findElement(By.linkText("Español")).click();
        awaitHeading("No existe ese informe de daño");
        assertThat(browser.getCurrentUrl()).contains("/harm-reports/" + alert.path("id").asString());
        accessibleOnPhoneAndLaptop("harm-report-other-agency-es");
    }

    @Test
    void aSpecialistIsRefused() {
        Viewport.LAPTOP.emulateOn(browser);
        signInThrough(feedback("/harm-reports/" + alert.path("id").asString()), "ana", "harbor-peer-password");
        awaitHeading("This page is for quality leads");
        assertThat(browser.getPageSource()).doesNotContain("laughed");
        accessibleOnPhoneAndLaptop("harm-report-denied");

        // Signing out ends the session at the provider too and comes back to the comments page, which asks to sign in.
        browser.findElement(By.cssSelector("header form button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                ExpectedConditions.presenceOfElementLocated(By.name("username")));
        assertThat(browser.getCurrentUrl()).startsWith("http://127.0.0.1:" + ports.auth() + "/login");
    }

    // ---- what a person does in the browser

    private static void signInThrough(String page, String username, String password) {
        browser.get(page);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        assertThat(browser.getCurrentUrl()).startsWith("http://127.0.0.1:" + ports.auth() + "/login");
        browser.findElement(By.name("username")).sendKeys(username);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("127.0.0.1:" + ports.feedback()));
    }

    private static void awaitHeading(String text) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main h1"), text));
    }

    /** No serious or critical axe-core violation at phone and laptop width; both screenshots saved. */
    private static void accessibleOnPhoneAndLaptop(String name) {
        AxeCheck.assertNoSeriousViolationsAt(browser, name, SCREENSHOTS, Viewport.PHONE, Viewport.LAPTOP);
    }

    private static long viewportWidth() {
        return (Long) browser.executeScript("return document.documentElement.clientWidth");
    }

    private static long pageWidth() {
        return (Long) browser.executeScript("return document.documentElement.scrollWidth");
    }

    private static String feedback(String path) {
        return "http://127.0.0.1:" + ports.feedback() + path;
    }

    private static String session(String path) {
        return "http://127.0.0.1:" + ports.session() + path;
    }

    // ---- what the test needs before the browser looks, through the public APIs

    /**
     * Harbor's lead logs a session for Ana; its participant answers on the real form API and reports harm in
     * their own words; metrics-service opens the harm alert. Returns that alert as the alerts API lists it.
     */
    private static JsonNode reportHarm() {
        String lead = StackClient.token(ports.auth(), "harbor-lead");
        post(session("/api/v1/directory/programs"), lead, Map.of("id", "harbor-recovery-coaching", "name",
                "Recovery coaching"));
        post(session("/api/v1/directory/specialists"), lead, Map.of("id", "ana-rivera", "name", "Ana Rivera",
                "programs", List.of("harbor-recovery-coaching")));
        JsonNode logged = JSON.readTree(post(session("/api/v1/sessions"), lead, Map.of(
                "programId", "harbor-recovery-coaching", "specialistId", "ana-rivera", "participantRef", "H-3001",
                "occurredAt", Instant.now().minus(2, ChronoUnit.HOURS).toString(), "durationMinutes", 40,
                "channel", "IN_PERSON", "activity", "PEER_SUPPORT")).body());
        String sessionId = logged.path("sessionId").asString();
        Map<String, Object> answer = Map.of("token", logged.path("feedback").path("token").asString(),
                "ratings", Map.of("KINDNESS", 1), "hope", 2, "harm", Map.of("reported", true, "text", WORDS));
        // feedback-service learns the invitation from the sessions topic: until then it answers 404 or 503.
        await("the answer").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> StackClient.send(HttpRequest.newBuilder(URI.create(feedback("/api/v1/feedback")))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(answer)))).statusCode() == 201);
        JsonNode opened = await("metrics-service opens the harm alert").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(UncheckedIOException.class)
                .until(() -> harmAlertOf(sessionId, lead), found -> found != null);
        assertThat(opened.toString()).doesNotContain("laughed");
        return opened;
    }

    private static JsonNode harmAlertOf(String sessionId, String lead) {
        HttpResponse<String> answer = StackClient.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + ports.metrics() + "/api/v1/alerts")).header("Authorization", "Bearer " + lead)
                .GET());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        for (JsonNode item : JSON.readTree(answer.body()).path("items")) {
            if ("HARM_REPORT".equals(item.path("kind").asString()) && sessionId.equals(item.path("sessionId").asString())) {
                return item;
            }
        }
        return null;
    }

    private static HttpResponse<String> post(String url, String bearer, Map<String, Object> body) {
        HttpResponse<String> answer = StackClient.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        assertThat(answer.statusCode()).as("POST " + url + ": " + answer.body()).isEqualTo(201);
        return answer;
    }
}
