package org.peerpulse.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The runner itself, in Debian's headless Chromium, on pages served with the services' strict
 * Content-Security-Policy: it finds what it should, says where, and passes a page that is fine. Without
 * Chromium the test is skipped and says why, except in CI ({@code CI=true}), where it fails.
 */
class AxeCheckTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'";

    /** An image without a text alternative (critical) and a table only a mouse can scroll (serious). */
    private static final String BROKEN = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Broken</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <link rel="stylesheet" href="/page.css"></head>
            <body><main><h1>Broken</h1>
            <img src="/chart.png">
            <div class="wide" id="numbers"><table><tr><th>Period</th><td>2026-W47</td><td>a long cell</td></tr></table></div>
            <script>document.title = 'an inline script ran';</script>
            </main></body></html>
            """;

    /** The same table made reachable from the keyboard, the way the dashboard does it. */
    private static final String FINE = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Fine</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <link rel="stylesheet" href="/page.css"></head>
            <body><main><h1>Fine</h1>
            <div class="wide" tabindex="0" role="region" aria-label="Numbers"><table><tr><th>Period</th>
            <td>2026-W47</td><td>a long cell</td></tr></table></div>
            </main></body></html>
            """;

    private static final String STYLE = ".wide { width: 10rem; overflow-x: auto; } td { min-width: 20rem; }";

    private static HttpServer server;
    private static ChromeDriver browser;
    private static HeadlessChromium chromium;

    @BeforeAll
    static void startTheSiteAndTheBrowser() throws IOException {
        HeadlessChromium.requireInstalled();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Map<String, String[]> site = Map.of("/broken", new String[] {"text/html", BROKEN},
                "/fine", new String[] {"text/html", FINE}, "/page.css", new String[] {"text/css", STYLE});
        server.createContext("/", exchange -> {
            String[] page = site.get(exchange.getRequestURI().getPath());
            byte[] body = (page == null ? "not found" : page[1]).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", (page == null ? "text/plain" : page[0]) + "; charset=utf-8");
            exchange.getResponseHeaders().set("Content-Security-Policy", POLICY);
            exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();

        chromium = HeadlessChromium.start(Viewport.LAPTOP, Duration.ofSeconds(20), options -> { });
        browser = chromium.driver();
    }

    @AfterAll
    static void stopEverything() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void findsWhatStopsSomeoneAndSaysWhereOnEachScreen() {
        browser.get(url("/broken"));
        assertThat(browser.getTitle()).as("the policy keeps the page's own inline script out").isEqualTo("Broken");

        assertThat(AxeCheck.seriousOrCritical(browser)).extracting(AxeCheck.Violation::rule, AxeCheck.Violation::impact)
                .contains(tuple("image-alt", "critical"),
                        tuple("scrollable-region-focusable", "serious"));
        assertThatThrownBy(() -> AxeCheck.assertNoSeriousViolationsAt(browser, "axe-check-broken", SCREENSHOTS,
                Viewport.LAPTOP, Viewport.PHONE))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Serious or critical accessibility violations on axe-check-broken (axe-core 4.")
                .hasMessageContaining("on the laptop 1366x900:", "on the phone 375x812:")
                .hasMessageContaining("image-alt [critical] Images must have alternative text")
                .hasMessageContaining("scrollable-region-focusable [serious] Scrollable region must have keyboard access")
                .hasMessageContaining("#numbers  <div class=\"wide\" id=\"numbers\">")
                .hasMessageContaining("img  <img src=\"/chart.png\">");
        assertThat(SCREENSHOTS.resolve("axe-check-broken-phone.png")).isNotEmptyFile();
        assertThat(SCREENSHOTS.resolve("axe-check-broken-laptop.png")).isNotEmptyFile();
        assertThat(browser.executeScript("return document.documentElement.clientWidth"))
                .as("left on the last screen named").isEqualTo(375L);
    }

    @Test
    void passesAPageThatIsFineOnBothScreens() {
        browser.get(url("/fine"));

        AxeCheck.assertNoSeriousViolationsAt(browser, "axe-check-fine", null, Viewport.PHONE, Viewport.LAPTOP);
        assertThat(AxeCheck.violations(browser)).noneMatch(AxeCheck.Violation::blocking);
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }
}
