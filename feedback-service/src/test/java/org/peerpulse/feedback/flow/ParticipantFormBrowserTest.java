package org.peerpulse.feedback.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.contracts.Topics;
import org.peerpulse.platform.agencies.AgencyDirectory;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.testsupport.AxeCheck;
import org.peerpulse.testsupport.HeadlessChromium;
import org.peerpulse.testsupport.PeerPulseIntegrationTest;
import org.peerpulse.testsupport.TestBackends;
import org.peerpulse.testsupport.TopicProbe;
import org.peerpulse.testsupport.Viewport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * A participant on a phone-sized screen, in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}): fills in and sends the form in English and, after switching with the link,
 * in Spanish, with the keyboard for part of it; reads who a harm report reaches before the question and skips
 * it; and answers a rotated form of an agency with its own crisis lines. Every page it sees, in every state, is checked with axe-core
 * on a laptop's and a phone's screen and must have no serious or critical violation; screenshots of both go
 * to {@code target/screenshots/}. Without Chromium the test is skipped and says why, except in CI
 * ({@code CI=true}), where it fails.
 */
@PeerPulseIntegrationTest(properties = {"peerpulse.outbox.poll-interval=50ms",
        "peerpulse.feedback.token-attempts-per-minute=100000"})
class ParticipantFormBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String LANTERN_EN = "Need help now? Call the Lantern warm line at 555-0100, day or night.";
    private static final String LANTERN_ES = "¿Necesitas ayuda ahora? Llama a la línea de Lantern al 555-0100.";
    private static final Viewport PHONE = Viewport.PHONE;

    private static ChromeDriver browser;
    private static HeadlessChromium chromium;

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

        // Before the do-no-harm question, in plain sight: who a "yes" reaches, that the name does not, and a way out.
        WebElement notice = browser.findElement(By.id("harm-notice"));
        WebElement harmQuestion = browser.findElement(By.cssSelector("#q-harm legend"));
        assertThat(notice.isDisplayed()).isTrue();
        assertThat(notice.getRect().getY()).isLessThan(harmQuestion.getRect().getY());
        assertThat(notice.getText()).contains("to the agency's quality lead so they can follow up",
                "Your name is not sent.", "You can skip this question.");
        assertThat(browser.findElement(By.cssSelector(".intro")).getText()).contains("your name is not sent")
                .doesNotContain("anonymous");
        assertThat(browser.findElement(By.id("q-harm")).getDomAttribute("aria-describedby")).isEqualTo("harm-notice");

        // Words about what happened without a "yes" would reach no one: the form says so, where it belongs.
        browser.findElement(By.id("harmText")).sendKeys("Something felt off.");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
        assertThat(browser.findElement(By.cssSelector(".error-summary")).getText())
                .contains("choose \"Yes\" so the quality lead gets your words");
        assertThat(browser.findElement(By.id("harmText")).getDomAttribute("aria-describedby"))
                .isEqualTo("err-harmText crisis");
        accessibleOnBothScreens("form-en-errors");

        choose("KINDNESS", "5");
        choose("EMPATHY", "4");
        choose("SAFE_ATMOSPHERE", "skip");
        choose("hope", "5");
        // The keyboard alone: focus "Prefer not to answer" on the do-no-harm question and select it with the space
        // bar, then take the words back out.
        WebElement skip = browser.findElement(By.cssSelector("input[name=harm][value=skip]"));
        browser.executeScript("arguments[0].focus()", skip);
        skip.sendKeys(Keys.SPACE);
        assertThat(skip.isSelected()).isTrue();
        browser.findElement(By.id("harmText")).clear();
        browser.findElement(By.id("comment")).sendKeys("They really listened.");
        accessibleOnBothScreens("form-en-filled");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        awaitHeading("Thank you!");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("You can close this page now.");
        accessibleOnBothScreens("thanks-en");
        Document answers = sessions.invitation(token).get("answers", Document.class);
        assertThat(answers.get("ratings", Document.class)).isEqualTo(new Document("EMPATHY", 4).append("KINDNESS", 5));
        assertThat(answers.getBoolean("harmReported")).isFalse();
        assertThat(answers.get("harmText")).isNull();
        assertThat(answers.getString("language")).isEqualTo("en");
        FeedbackSubmitted published = publishedFor(sessions.invitation(token).getString("sessionId"));
        assertThat(published.harmReported()).as("a skipped question is no harm report").isFalse();
        assertThat(published.ratings()).isEqualTo(Map.of("EMPATHY", 4, "KINDNESS", 5));
    }

    /**
     * An agency that rotates its value items and wrote its own crisis lines: the form asks exactly the invitation's
     * items, shows the agency's words in both languages, and the answer names the items asked.
     */
    @Test
    void aRotatedFormOfAnAgencyWithItsOwnCrisisLineInBothLanguages() throws Exception {
        String agency = "lantern-" + UUID.randomUUID();
        sessions.publishSettings(SessionStream.settings(agency, 1, 3, Map.of("en", LANTERN_EN, "es", LANTERN_ES)));
        await().atMost(Duration.ofSeconds(20)).until(() -> Integer.valueOf(3)
                .equals(directory.of(agency).settings().valueItemsPerForm()));
        List<SessionStream.Invited> group = sessions.invitedGroup(agency, 2, Instant.now().plus(7, ChronoUnit.DAYS));
        String token = group.get(1).token();
        List<String> asked = sessions.invitation(token).getList("itemsAsked", String.class);
        browser.get(url("/f/" + token));

        assertThat(browser.findElement(By.id("crisis")).getText()).isEqualTo(LANTERN_EN);
        assertThat(browser.findElements(By.tagName("fieldset"))).hasSize(3 + 5 + 2);
        assertThat(browser.findElements(By.cssSelector("fieldset.question:not(.hope):not(.harm)")))
                .extracting(fieldset -> fieldset.getDomAttribute("id").substring("q-".length()))
                .containsExactlyInAnyOrderElementsOf(asked);
        // The second link of the agency's first session: the rotation's second three value items.
        assertThat(asked).hasSize(8).contains("CAUTION", "HELPFULNESS", "CREATIVITY")
                .doesNotContain("GIVING_BACK", "COURAGE", "KINDNESS", "GENTLENESS", "EMPATHY");
        accessibleOnBothScreens("form-en-rotated");

        browser.findElement(By.linkText("Español")).click();
        awaitHeading("¿Cómo te sentiste en esta sesión?");
        assertThat(browser.findElement(By.id("crisis")).getText()).isEqualTo(LANTERN_ES);
        assertThat(browser.findElement(By.id("harm-notice")).getText()).contains("Tu nombre no se envía.",
                "Puedes saltar esta pregunta.");
        assertThat(browser.findElements(By.tagName("fieldset"))).hasSize(3 + 5 + 2);
        accessibleOnBothScreens("form-es-rotated");
        choose("CAUTION", "5");
        choose("NO_STIGMA", "4");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        awaitHeading("¡Gracias!");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(LANTERN_ES);
        FeedbackSubmitted published = publishedFor(group.get(1).logged().sessionId());
        assertThat(published.itemsAsked()).isEqualTo(asked);
        assertThat(published.harmReported()).isFalse();
        assertThat(published.language()).isEqualTo("es");
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

    /** The answer published for the session: the fact metrics-service counts. */
    private FeedbackSubmitted publishedFor(String sessionId) {
        ConsumerRecord<String, String> fact = TopicProbe.awaitRecord(TestBackends.kafkaBootstrapServers(),
                Topics.FEEDBACK, record -> record.value().contains("\"sessionId\":\"" + sessionId + "\""));
        return codec.read(fact.value(), FeedbackSubmitted.class);
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
