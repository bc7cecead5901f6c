package org.peerpulse.feedback.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.testsupport.AxeCheck;
import org.peerpulse.testsupport.HeadlessChromium;
import org.peerpulse.testsupport.PeerPulseIntegrationTest;
import org.peerpulse.testsupport.Viewport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * A participant on a phone-sized screen, in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}): fills in and sends the form in English and, after switching with the link,
 * in Spanish, with the keyboard for part of it. Every page it sees, in every state, is checked with axe-core
 * on a laptop's and a phone's screen and must have no serious or critical violation; screenshots of both go
 * to {@code target/screenshots/}. Without Chromium the test is skipped and says why, except in CI
 * ({@code CI=true}), where it fails.
 */
@PeerPulseIntegrationTest(properties = {"peerpulse.outbox.poll-interval=50ms",
        "peerpulse.feedback.token-attempts-per-minute=100000"})
class ParticipantFormBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Viewport PHONE = Viewport.PHONE;

    private static ChromeDriver browser;
    private static HeadlessChromium chromium;

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EventCodec codec;
    @LocalServerPort
    int port;

    private SessionStream sessions;

    @BeforeAll
    static void startBrowser() throws Exception {
        chromium = HeadlessChromium.start(PHONE, Duration.ofSeconds(20), options -> options
                .setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en")));
        browser = chromium.driver();
        // Chromium keeps a desktop window at least ~500 px wide; emulate the phone's screen instead.
        PHONE.emulateOn(browser);
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void sessions() {
        sessions = new SessionStream(kafka, codec, mongo);
    }

    @Test
    void aParticipantAnswersInEnglishOnAPhone() throws Exception {
        String token = sessions.invitedToken();
        browser.get(url("/f/" + token));

        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("How did this session feel?");
        assertThat(browser.findElements(By.tagName("fieldset"))).hasSize(15);
        assertThat(viewportWidth()).isLessThanOrEqualTo(PHONE.width());
        assertThat(pageWidth()).as("nothing wider than the phone").isLessThanOrEqualTo(viewportWidth());
        accessibleOnBothScreens("form-en-empty");

        // Sending without the required do-no-harm answer shows the errors where they belong.
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
        assertThat(browser.findElement(By.cssSelector(".error-summary")).getText()).contains("Please answer yes or no.");
        assertThat(browser.findElement(By.id("q-harm")).getDomAttribute("aria-describedby")).isEqualTo("err-harm");
        accessibleOnBothScreens("form-en-errors");

        choose("KINDNESS", "5");
        choose("EMPATHY", "4");
        choose("SAFE_ATMOSPHERE", "skip");
        choose("hope", "5");
        // The keyboard alone: focus the "No" answer and select it with the space bar.
        WebElement no = browser.findElement(By.cssSelector("input[name=harm][value=no]"));
        browser.executeScript("arguments[0].focus()", no);
        no.sendKeys(Keys.SPACE);
        assertThat(no.isSelected()).isTrue();
        browser.findElement(By.id("comment")).sendKeys("They really listened.");
        accessibleOnBothScreens("form-en-filled");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        awaitHeading("Thank you!");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("You can close this page now.");
        accessibleOnBothScreens("thanks-en");
        Document answers = sessions.invitation(token).get("answers", Document.class);
        assertThat(answers.get("ratings", Document.class)).isEqualTo(new Document("EMPATHY", 4).append("KINDNESS", 5));
        assertThat(answers.getBoolean("harmReported")).isFalse();
        assertThat(answers.getString("language")).isEqualTo("en");
    }

    @Test
    void aParticipantSwitchesToSpanishOnATabletInKioskMode() throws Exception {
        String token = sessions.invitedToken();
        browser.get(url("/f/" + token + "?mode=kiosk"));

        browser.findElement(By.linkText("Español")).click();
        awaitHeading("¿Cómo te sentiste en esta sesión?");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("es");
        assertThat(browser.getPageSource()).contains("Para nada", "Muchísimo", "Prefiero no responder");
        accessibleOnBothScreens("form-es-kiosk-empty");
        for (String code : List.of("GIVING_BACK", "COURAGE", "KINDNESS", "CAUTION", "HELPFULNESS", "CREATIVITY",
                "GENTLENESS", "EMPATHY", "SAFE_ATMOSPHERE", "RECOVERY_FOCUS", "GENUINE_ROLE", "NO_STIGMA",
                "STRENGTH_BASED")) {
            choose(code, "4");
        }
        choose("hope", "3");
        choose("harm", "yes");
        browser.findElement(By.id("harmText")).sendKeys("Me sentí apurado.");
        accessibleOnBothScreens("form-es-kiosk-filled");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        awaitHeading("¡Gracias!");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("devuelve la tableta");
        accessibleOnBothScreens("thanks-es-kiosk");
        Document answers = sessions.invitation(token).get("answers", Document.class);
        assertThat(answers.getString("language")).isEqualTo("es");
        assertThat(answers.getString("mode")).isEqualTo("KIOSK");
        assertThat(answers.getBoolean("harmReported")).isTrue();
        assertThat(answers.get("ratings", Document.class)).hasSize(13);
    }

    /** Waits for the next page, whose main heading says {@code text}. */
    private void awaitHeading(String text) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(
                ExpectedConditions.textToBe(By.tagName("h1"), text));
    }

    /** Clicks the visible label, as a thumb would, and checks that it selected the radio. */
    private void choose(String name, String value) {
        WebElement radio = browser.findElement(By.cssSelector("input[name=" + name + "][value='" + value + "']"));
        WebElement label = radio.findElement(By.xpath("./ancestor::label"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", label);
        label.click();
        assertThat(radio.isSelected()).as(name + "=" + value).isTrue();
    }

    private long viewportWidth() {
        return ((Number) browser.executeScript("return document.documentElement.clientWidth")).longValue();
    }

    private long pageWidth() {
        return ((Number) browser.executeScript("return document.documentElement.scrollWidth")).longValue();
    }

    /**
     * No serious or critical axe-core violation on a laptop's screen or on the phone's, where the test goes on;
     * both screenshots are saved as {@code <name>-laptop.png} and {@code <name>-phone.png}.
     */
    private void accessibleOnBothScreens(String name) {
        AxeCheck.assertNoSeriousViolationsAt(browser, name, SCREENSHOTS, Viewport.LAPTOP, PHONE);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
