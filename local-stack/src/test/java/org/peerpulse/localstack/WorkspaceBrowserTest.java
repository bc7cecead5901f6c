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
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.ItemKind;
import org.peerpulse.testsupport.AxeCheck;
import org.peerpulse.testsupport.HeadlessChromium;
import org.peerpulse.testsupport.TestBackends;
import org.peerpulse.testsupport.Viewport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * session-service's pages in a real headless Chromium on the real local stack (authorization server, the three
 * services, the shared test broker and store), started once for the class. A specialist logs a session on a
 * phone, hands the link over and answers it as the participant in the same browser; a quality lead changes the
 * directory and the agency's smallest shown group on /admin, and metrics-service follows without a restart.
 * Every page is checked with axe-core at phone and laptop width (no serious or critical violation); the
 * screenshots go to {@code target/screenshots/workspace-*}. Without Chromium the test is skipped, except in CI.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkspaceBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A specialist of harbor's with three answered sessions in a program of their own: fewer than 5, at least 3. */
    private static final String NEWCOMER = "ws-newcomer";

    @TempDir
    static Path dataDir;

    private static Ports ports;
    private static RunningStack stack;
    private static ChromeDriver browser;
    private static HeadlessChromium chromium;

    @BeforeAll
    static void startTheStackAndTheBrowser() throws Exception {
        HeadlessChromium.requireInstalled();
        ports = Ports.free();
        stack = LocalStack.start(StackPlan.onBackends(Path.of(".."), dataDir, ports,
                System.getProperty("java.class.path"), TestBackends.kafkaBootstrapServers(), TestBackends::mongoUri),
                System.out);
        seedHarbor();

        // Generous page loads: the whole stack and Chromium share two cores with whatever else the machine runs.
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
        browser.get(session("/css/workspace.css"));
        browser.manage().deleteAllCookies();
    }

    @Test
    @Order(2)
    void aSpecialistLogsASessionOnAPhoneAndTheParticipantAnswersIt() {
        Viewport.PHONE.emulateOn(browser);
        signIn("ana", "harbor-peer-password");
        awaitHeading("Hello, Ana Rivera");
        assertThat(browser.findElement(By.id("programId")).getDomProperty("value")).isEqualTo("harbor-recovery-coaching");
        assertThat(browser.findElements(By.cssSelector("#programId option"))).extracting(WebElement::getText)
                .containsExactly("Recovery coaching", "Housing first");
        assertThat(browser.findElements(By.linkText("Administration"))).isEmpty();
        assertThat(pageWidth()).as("nothing wider than the phone").isLessThanOrEqualTo(viewportWidth());
        accessibleOnPhoneAndLaptop("workspace-specialist");
        Viewport.PHONE.emulateOn(browser);

        // Log a session the quickest way: tap the reference, type it, tap the button; every other field has a default.
        Instant started = Instant.now();
        int taps = 0;
        browser.findElement(By.id("participantRef")).click();
        taps++;
        browser.findElement(By.id("participantRef")).sendKeys("H-2041");
        browser.findElement(By.cssSelector("button.primary")).click();
        taps++;
        awaitHeading("Hand over the feedback link");
        Duration took = Duration.between(started, Instant.now());
        System.out.printf("Logged a session at phone width in %d taps and %d ms (plus typing the reference)%n", taps,
                took.toMillis());
        assertThat(taps).isLessThanOrEqualTo(3);
        assertThat(took).isLessThan(Duration.ofSeconds(30));

        List<WebElement> codes = browser.findElements(By.cssSelector("img.qr"));
        assertThat(codes).hasSize(1);
        assertThat(((Number) browser.executeScript("return arguments[0].naturalWidth", codes.get(0))).intValue())
                .as("the QR code was drawn").isGreaterThan(100);
        assertThat(codes.get(0).getDomAttribute("src")).startsWith("data:image/png;base64,");
        String link = browser.findElement(By.cssSelector(".link-text a")).getText();
        assertThat(link).startsWith("http://127.0.0.1:" + ports.feedback() + "/f/");
        assertThat(browser.findElement(By.linkText("Open the form here (kiosk)")).getDomAttribute("href"))
                .isEqualTo(link + "?mode=kiosk");
        assertThat(pageWidth()).as("nothing wider than the phone").isLessThanOrEqualTo(viewportWidth());
        accessibleOnPhoneAndLaptop("workspace-handover");

        // Back on the workspace, the hand-over is gone from this browser too: it offers new links instead.
        String handOver = browser.getCurrentUrl();
        browser.findElement(By.linkText("Done: back to my workspace")).click();
        awaitHeading("Hello, Ana Rivera");
        assertThat(browser.findElement(By.cssSelector(".recent li")).getText()).contains("Recovery coaching", "1 link");
        browser.get(handOver);
        awaitHeading("Links are shown only once");
        accessibleOnPhoneAndLaptop("workspace-handover-gone");

        // The same pages in Spanish, through the switch at the top; the choice stays for the session.
        browser.findElement(By.linkText("Español")).click();
        awaitHeading("Los enlaces se muestran una sola vez");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("es");
        browser.findElement(By.linkText("Listo: volver a mi espacio de trabajo")).click();
        awaitHeading("Hola, Ana Rivera");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Registrar una sesión",
                "Mis sesiones recientes");
        accessibleOnPhoneAndLaptop("workspace-specialist-es");
        browser.findElement(By.linkText("English")).click();
        awaitHeading("Hello, Ana Rivera");

        // The participant answers on the same device.
        Viewport.PHONE.emulateOn(browser);
        browser.get(link);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                ExpectedConditions.textToBe(By.tagName("h1"), "How did this session feel?"));
        choose("KINDNESS", "5");
        choose("hope", "4");
        choose("harm", "no");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(
                ExpectedConditions.textToBe(By.tagName("h1"), "Thank you!"));

        // The specialist's learning page on metrics-service, one tap from the workspace, signed in already.
        Viewport.LAPTOP.emulateOn(browser);
        browser.get(session("/"));
        awaitHeading("Hello, Ana Rivera");
        browser.findElement(By.linkText("My learning")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                ExpectedConditions.urlContains("127.0.0.1:" + ports.metrics() + "/learning"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Ana Rivera");
    }

    /**
     * First, while the newcomer's three answers are all harbor has: no other small cell for complementary
     * suppression to protect, so lowering k to 3 must show them.
     */
    @Test
    @Order(1)
    void aLeadAddsAProgramAndLowersTheSmallestGroupAndTheDashboardFollows() {
        JsonNode before = await("the newcomer's dashboard").atMost(Duration.ofSeconds(30))
                .ignoreExceptionsInstanceOf(UncheckedIOException.class).until(() -> givingBack(newcomersDashboard()),
                        item -> true);
        assertThat(before.path("suppressed").asBoolean()).as("3 answers under k=5").isTrue();

        Viewport.LAPTOP.emulateOn(browser);
        signIn("lena", "harbor-lead-password");
        awaitHeading("Hello, Lena Ortiz");
        assertThat(browser.findElement(By.id("specialistId")).isDisplayed()).isTrue();
        accessibleOnPhoneAndLaptop("workspace-lead");
        browser.findElement(By.linkText("Administration")).click();
        awaitHeading("Administration of harbor");
        accessibleOnPhoneAndLaptop("workspace-admin");

        browser.findElement(By.id("program-id")).sendKeys("harbor-warmline");
        browser.findElement(By.id("program-name")).sendKeys("Warm line");
        browser.findElement(By.xpath("//form[@action='/admin/programs']//button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
        assertThat(browser.findElement(By.cssSelector("#programs-heading + ul")).getText()).contains("Warm line");

        // A refused value changes nothing and says why.
        setField("minCellSize", "2");
        browser.findElement(By.cssSelector(".settings-form button.primary")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
        assertThat(browser.findElement(By.cssSelector(".error-summary")).getText())
                .contains("Nothing was changed: minCellSize must be at least 3");
        accessibleOnPhoneAndLaptop("workspace-admin-refused");

        setField("minCellSize", "3");
        browser.findElement(By.cssSelector(".settings-form button.primary")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
        assertThat(browser.findElement(By.id("minCellSize")).getDomProperty("value")).isEqualTo("3");

        // metrics-service reads the new snapshot from the agencies topic: the three answers now show.
        JsonNode after = await("metrics-service honours minCellSize 3").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(UncheckedIOException.class)
                .until(() -> givingBack(newcomersDashboard()), item -> !item.path("suppressed").asBoolean());
        assertThat(after.path("responses").asInt()).isEqualTo(3);
        assertThat(after.path("mean").asDouble()).isEqualTo(4.0);
    }

    // ---- what a person does in the browser

    private static void signIn(String username, String password) {
        browser.get(session("/"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        assertThat(browser.getCurrentUrl()).startsWith("http://127.0.0.1:" + ports.auth() + "/login");
        browser.findElement(By.name("username")).sendKeys(username);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("127.0.0.1:" + ports.session()));
    }

    private static void awaitHeading(String text) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main h1"), text));
    }

    private static void setField(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private static void choose(String name, String value) {
        WebElement radio = browser.findElement(By.cssSelector("input[name=" + name + "][value='" + value + "']"));
        WebElement label = radio.findElement(By.xpath("./ancestor::label"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", label);
        label.click();
        assertThat(radio.isSelected()).as(name + "=" + value).isTrue();
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

    private static String session(String path) {
        return "http://127.0.0.1:" + ports.session() + path;
    }

    // ---- what the test needs before the browser looks, through the public APIs

    /**
     * Harbor's directory as the demo has it for ana-rivera, and a newcomer in a small program of their own with
     * three sessions, each answered once: a cell of 3, hidden while the agency's smallest group is 5.
     */
    private static void seedHarbor() {
        String lead = StackClient.token(ports.auth(), "harbor-lead");
        post(session("/api/v1/directory/programs"), lead, Map.of("id", "harbor-recovery-coaching", "name", "Recovery coaching"));
        post(session("/api/v1/directory/programs"), lead, Map.of("id", "harbor-housing-first", "name", "Housing first"));
        post(session("/api/v1/directory/programs"), lead, Map.of("id", "ws-small", "name", "Small group"));
        post(session("/api/v1/directory/specialists"), lead, Map.of("id", "ana-rivera", "name", "Ana Rivera",
                "programs", List.of("harbor-recovery-coaching", "harbor-housing-first")));
        post(session("/api/v1/directory/specialists"), lead, Map.of("id", NEWCOMER, "name", "New Comer",
                "programs", List.of("ws-small")));
        Map<String, Integer> ratings = new LinkedHashMap<>();
        Frameworks.PEER_CORE_V1.items().stream()
                .filter(item -> item.kind() == ItemKind.VALUE || item.kind() == ItemKind.PRINCIPLE)
                .forEach(item -> ratings.put(item.code(), 4));
        for (int i = 0; i < 3; i++) {
            JsonNode logged = JSON.readTree(post(session("/api/v1/sessions"), lead, Map.of("programId", "ws-small",
                    "specialistId", NEWCOMER, "participantRef", "ws-" + i, "occurredAt",
                    Instant.now().minus(1 + i, ChronoUnit.HOURS).toString(), "durationMinutes", 30,
                    "channel", "PHONE", "activity", "PEER_SUPPORT")).body());
            String token = logged.path("feedback").path("token").asString();
            Map<String, Object> answer = Map.of("token", token, "ratings", ratings, "hope", 4,
                    "harm", Map.of("reported", false));
            // feedback-service learns the invitation from the sessions topic: until then it answers 404 or 503.
            await("answer " + i).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                    .until(() -> send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.feedback()
                            + "/api/v1/feedback")).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(answer)))).statusCode() == 201);
        }
        // Three answers are too few to be shown (that is the point): only the sessions say metrics has them.
        await("the newcomer's three sessions on metrics-service").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(UncheckedIOException.class)
                .until(() -> newcomersDashboard().path("sessions").asInt() == 3);
    }

    /** A value only the newcomer's participants rated (4 each): the specialist's participant in the other test rates others. */
    private static JsonNode givingBack(JsonNode dashboard) {
        for (JsonNode item : dashboard.path("items")) {
            if ("GIVING_BACK".equals(item.path("code").asString())) {
                return item;
            }
        }
        throw new AssertionError("no GIVING_BACK item on the dashboard");
    }

    private static JsonNode newcomersDashboard() {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.metrics()
                + "/api/v1/dashboards/specialists/" + NEWCOMER)).header("Authorization", "Bearer "
                        + StackClient.token(ports.auth(), "harbor-lead")).GET());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static HttpResponse<String> post(String url, String bearer, Map<String, Object> body) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        assertThat(answer.statusCode()).as("POST " + url + ": " + answer.body()).isEqualTo(201);
        return answer;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        return StackClient.send(request);
    }
}
