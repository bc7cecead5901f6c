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
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.peerpulse.testsupport.AxeCheck;
import org.peerpulse.testsupport.HeadlessChromium;
import org.peerpulse.testsupport.TestBackends;
import org.peerpulse.testsupport.Viewport;
import org.peerpulse.testsupport.WholePageScreenshot;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A quality lead, and a specialist on their learning page, in a real headless Chromium (Debian's {@code chromium}
 * and {@code chromium-driver}) on the
 * real local stack: the authorization server's login form, metrics-service's page, and the demo month
 * seeded through the public APIs exactly as {@code ./peerpulse up --demo} does. Every page it reaches, the
 * login form included, is checked with axe-core on a phone's and a laptop's screen and must have no serious
 * or critical violation. Screenshots go to {@code target/screenshots/}. Without Chromium the test is skipped
 * and says why, except in CI ({@code CI=true}), where it fails.
 */
class DashboardPageBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration ASYNC = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Viewport PHONE = Viewport.PHONE;
    private static final Viewport LAPTOP = Viewport.LAPTOP;
    private static final Viewport TABLET = new Viewport("tablet", 820, 1180, false);

    @TempDir
    static Path dataDir;

    private static Ports ports;
    private static RunningStack stack;
    private static DemoData.Seeded seeded;
    private static ChromeDriver browser;
    private static HeadlessChromium chromium;

    @BeforeAll
    static void startTheStackAndTheBrowser() throws Exception {
        HeadlessChromium.requireInstalled();
        ports = Ports.free();
        stack = LocalStack.start(StackPlan.onBackends(Path.of(".."), dataDir, ports,
                System.getProperty("java.class.path"), TestBackends.kafkaBootstrapServers(), TestBackends::mongoUri),
                System.out);
        seeded = new DemoData(ports).seed();
        System.out.printf("Seeded %d sessions and %d answers in %d ms%n", seeded.sessions(), seeded.answers(),
                seeded.took().toMillis());
        awaitTheMonthOnTheDashboards();

        chromium = HeadlessChromium.start(LAPTOP, Duration.ofSeconds(20), options -> {
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
        });
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
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.contains("java")).orElse(false)))
                .as("stack processes this test JVM still runs").isEmpty();
    }

    @BeforeEach
    void signedOut() {
        // The auth server and the page share the host 127.0.0.1, so this clears both sessions.
        browser.get(page("/css/dashboard.css"));
        browser.manage().deleteAllCookies();
        LAPTOP.emulateOn(browser);
    }

    @Test
    void harborsLeadSignsInAndDrillsDownFromTheAgencyToAProgramAndASpecialist() throws IOException {
        signIn("lena", "harbor-lead-password");

        // The agency view: strengths first, then the indices, hope and rates, the trend, the items.
        awaitHeading("harbor");
        assertThat(browser.getCurrentUrl()).startsWith(page("/"));
        List<String> sections = browser.findElements(By.cssSelector("main h2")).stream()
                .map(WebElement::getText).filter(text -> !text.isBlank()).toList();
        assertThat(sections).as("sections top to bottom")
                .startsWith("Signature strengths")
                .containsSubsequence("Signature strengths", "Trend", "Core values", "TRUST principles",
                        "Kiosk vs own device", "Programs");
        // The demo month's forms ask every item, and about one answer in four was given on the kiosk.
        assertThat(browser.findElement(By.cssSelector(".item-table .asked")).getText()).matches("asked on \\d+ forms");
        assertThat(browser.findElements(By.cssSelector(".mode-table tbody tr:not(.suppressed)"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector(".strength"))).hasSize(3);
        assertThat(browser.findElement(By.cssSelector(".headline")).getText())
                .contains("Values index", "TRUST index", "Hope").doesNotContain("fewer than");
        assertThat(browser.findElement(By.cssSelector(".who")).getText()).contains("Lena Ortiz");
        assertThat(figure("Harm reports")).isEqualTo("3");
        assertThat(programs()).containsExactly("harbor-crisis-line", "harbor-housing-first", "harbor-recovery-coaching");
        assertThat((Boolean) browser.executeScript(
                "return document.getElementById('trend-chart').getContext('2d') !== null && typeof Chart === 'function'"
                        + " && Chart.getChart('trend-chart') !== undefined")).as("the chart was drawn").isTrue();
        assertThat(pageWidth()).as("nothing wider than the laptop screen").isLessThanOrEqualTo(viewportWidth());
        assertNoScriptErrors();
        accessibleOnPhoneAndLaptop("dashboard-agency");

        TABLET.emulateOn(browser);
        browser.navigate().refresh();
        awaitHeading("harbor");
        assertThat(pageWidth()).as("nothing wider than the tablet").isLessThanOrEqualTo(viewportWidth());
        screenshot("dashboard-agency-tablet.png");
        PHONE.emulateOn(browser);
        browser.navigate().refresh();
        awaitHeading("harbor");
        assertThat(pageWidth()).as("nothing wider than the phone").isLessThanOrEqualTo(viewportWidth());
        // There the item tables scroll sideways in their box, and the keyboard alone can scroll them.
        WebElement values = browser.findElement(By.cssSelector(".table-scroll[aria-label='Core values table']"));
        assertThat((Long) browser.executeScript("return arguments[0].scrollWidth - arguments[0].clientWidth", values))
                .as("the table is wider than its box").isPositive();
        browser.executeScript("arguments[0].focus()", values);
        assertThat(browser.switchTo().activeElement()).as("the box takes focus").isEqualTo(values);
        new Actions(browser).sendKeys(Keys.ARROW_RIGHT).perform();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(driver ->
                ((Number) browser.executeScript("return arguments[0].scrollLeft", values)).doubleValue() > 0);
        LAPTOP.emulateOn(browser);

        // The numbers behind the chart, opened: another table that scrolls sideways on a phone.
        browser.findElement(By.cssSelector(".trend summary")).click();
        assertThat(browser.findElement(By.cssSelector("table.series")).isDisplayed()).isTrue();
        accessibleOnPhoneAndLaptop("dashboard-agency-numbers");

        // Down to the program where the new specialist works: their row is too small a cell to show.
        browser.findElement(By.linkText("harbor-crisis-line")).click();
        awaitHeading("harbor-crisis-line");
        assertThat(browser.findElement(By.cssSelector(".crumbs")).getText()).contains("harbor", "harbor-crisis-line");
        WebElement newcomer = browser.findElement(By.xpath("//table[contains(@class,'child-table')]//tr[th/a[text()='dara-lopez']]"));
        assertThat(newcomer.getText()).contains("fewer than 5");
        accessibleOnPhoneAndLaptop("dashboard-program");

        // And down to that specialist: every item says "fewer than 5", never a number.
        browser.findElement(By.linkText("dara-lopez")).click();
        awaitHeading("dara-lopez");
        List<WebElement> hidden = browser.findElements(By.cssSelector("tr.suppressed td.fewer"));
        assertThat(hidden).hasSize(13).allSatisfy(cell -> assertThat(cell.getText()).isEqualTo("fewer than 5"));
        assertThat(browser.findElements(By.cssSelector(".strength"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector(".strengths")).getText()).contains("at least 5 participants");
        assertThat(browser.findElement(By.cssSelector(".crumbs")).getText()).contains("harbor-crisis-line", "dara-lopez");
        accessibleOnPhoneAndLaptop("dashboard-specialist-suppressed");

        // A specialist with plenty of answers in a bigger program shows their own strengths.
        browser.findElement(By.linkText("harbor")).click();
        awaitHeading("harbor");
        browser.findElement(By.linkText("harbor-recovery-coaching")).click();
        awaitHeading("harbor-recovery-coaching");
        browser.findElement(By.linkText("ana-rivera")).click();
        awaitHeading("ana-rivera");
        assertThat(browser.findElements(By.cssSelector(".strength"))).hasSize(3);
        accessibleOnPhoneAndLaptop("dashboard-specialist");

        // The alert inbox: one alert per harm report; acknowledging one records who did it.
        browser.findElement(By.linkText("Alert inbox")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/alerts"));
        awaitHeading("harbor");
        List<WebElement> alerts = browser.findElements(By.cssSelector(".alert"));
        assertThat(alerts).hasSize(3).allSatisfy(alert ->
                assertThat(alert.getText()).contains("A participant reported harm", "Session of"));
        assertThat(browser.findElements(By.cssSelector(".alert.state-open"))).hasSize(3);
        accessibleOnPhoneAndLaptop("alerts-inbox");
        alerts.get(0).findElement(By.xpath(".//button[text()='Acknowledge']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
        assertThat(browser.findElement(By.cssSelector(".alert.state-acknowledged")).getText())
                .contains("Acknowledged by lena");
        assertThat(browser.findElements(By.cssSelector(".alert.state-open"))).hasSize(2);
        accessibleOnPhoneAndLaptop("alerts-acknowledged");
    }

    @Test
    void sunrisesLeadSeesOnlySunrise() {
        signIn("sam", "sunrise-lead-password");
        awaitHeading("sunrise");
        assertThat(programs()).containsExactly("sunrise-wellness-center", "sunrise-youth-peers");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("harbor");
        assertThat(figure("Harm reports")).isEqualTo("1");
    }

    /**
     * A specialist signs in at the dashboard's address and lands on their own learning page: strengths first,
     * then the values they said they practiced (the reflection gap), then each value, on a phone and a laptop, in
     * English and then in Spanish through the switch.
     */
    @Test
    void aSpecialistWhoSignsInLandsOnTheirOwnLearningPage() {
        signIn("ana", "harbor-peer-password");
        awaitHeading("What participants said");
        assertThat(browser.getCurrentUrl()).isEqualTo(page("/learning"));
        List<String> sections = browser.findElements(By.cssSelector("main h2")).stream()
                .map(WebElement::getText).filter(text -> !text.isBlank()).toList();
        assertThat(sections).as("sections top to bottom")
                .containsExactly("Your strengths", "What you practiced", "Each value", "How the sessions felt", "Hope");
        assertThat(browser.findElements(By.cssSelector(".strength"))).hasSize(3);
        // In the demo month ana names Empathy in every session, and one other value at random.
        assertThat(browser.findElements(By.cssSelector(".reflection-list li[data-value]"))).isNotEmpty()
                .allSatisfy(value -> assertThat(value.getText()).startsWith("You said you practiced"));
        assertThat(browser.findElements(By.cssSelector("tr[data-item]"))).hasSize(13);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Hello, Ana Rivera.", "out of 5")
                .doesNotContain("Values index", "Harm", "harm", "alert", "dara-lopez");
        assertThat(browser.findElement(By.partialLinkText("Back to my workspace")).getAttribute("href"))
                .as("the way back to session-service's workspace").isEqualTo("http://127.0.0.1:" + ports.session() + "/");
        assertNoScriptErrors();
        accessibleOnPhoneAndLaptop("learning");
        PHONE.emulateOn(browser);
        browser.navigate().refresh();
        awaitHeading("What participants said");
        assertThat(pageWidth()).as("nothing wider than the phone").isLessThanOrEqualTo(viewportWidth());
        LAPTOP.emulateOn(browser);

        browser.findElement(By.linkText("Español")).click();
        awaitHeading("Lo que dijeron las personas");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Tus fortalezas", "Cada valor", "de 5");
        accessibleOnPhoneAndLaptop("learning-es");
    }

    // ---- what a person does in the browser

    private static void signIn(String username, String password) {
        browser.get(page("/"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        assertThat(browser.getCurrentUrl()).as("the authorization server's login form")
                .startsWith("http://127.0.0.1:" + ports.auth() + "/login");
        accessibleOnPhoneAndLaptop("login-" + username);
        browser.findElement(By.name("username")).sendKeys(username);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("127.0.0.1:" + ports.metrics()));
    }

    private static void awaitHeading(String scope) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main h1"), scope));
    }

    private static List<String> programs() {
        return browser.findElements(By.cssSelector(".child-table tbody th a")).stream().map(WebElement::getText).toList();
    }

    private static String figure(String label) {
        return browser.findElement(By.xpath("//div[contains(@class,'figure')][span[@class='figure-label' and text()='"
                + label + "']]/span[@class='figure-value']")).getText();
    }

    private static void assertNoScriptErrors() {
        List<String> errors = new ArrayList<>();
        browser.manage().logs().get(LogType.BROWSER).forEach(entry -> {
            // Chromium asks every origin for a favicon; the login form's and a plain file's are not the page's.
            if (entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()
                    && !entry.getMessage().contains("/favicon.ico")) {
                errors.add(entry.getMessage());
            }
        });
        assertThat(errors).as("console errors (a CSP violation shows here)").isEmpty();
    }

    /**
     * No serious or critical axe-core violation on a phone's screen or on the laptop's, where the test goes on;
     * both screenshots are saved as {@code <name>-phone.png} and {@code <name>-laptop.png}.
     */
    private static void accessibleOnPhoneAndLaptop(String name) {
        AxeCheck.assertNoSeriousViolationsAt(browser, name, SCREENSHOTS, PHONE, LAPTOP);
    }

    private static long viewportWidth() {
        return (Long) browser.executeScript("return document.documentElement.clientWidth");
    }

    private static long pageWidth() {
        return (Long) browser.executeScript("return document.documentElement.scrollWidth");
    }

    /** The whole page, not only what fits the screen, at the current width. */
    private static void screenshot(String name) {
        WholePageScreenshot.save(browser, SCREENSHOTS.resolve(name));
    }

    private static String page(String path) {
        return "http://127.0.0.1:" + ports.metrics() + path;
    }

    // ---- the demo month through the APIs, before the browser looks

    /** Metrics folds both streams in asynchronously: waits until both agencies' dashboards add up to the seed. */
    private static void awaitTheMonthOnTheDashboards() {
        String harbor = token("harbor-lead");
        String sunrise = token("sunrise-lead");
        // While metrics-service folds in a month of events on a busy machine a read can be slow: try again.
        await("the demo month on the dashboards").atMost(ASYNC).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(UncheckedIOException.class).until(() -> {
            JsonNode a = agencyDashboard(harbor);
            JsonNode b = agencyDashboard(sunrise);
            return a.path("sessions").asLong() + b.path("sessions").asLong() == seeded.sessions()
                    && a.path("responses").asLong() + b.path("responses").asLong() == seeded.answers();
        });
    }

    private static JsonNode agencyDashboard(String bearer) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + ports.metrics() + "/api/v1/dashboards/agency"))
                .header("Authorization", "Bearer " + bearer).GET());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static String token(String client) {
        return StackClient.token(ports.auth(), client);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        return StackClient.send(request);
    }
}
