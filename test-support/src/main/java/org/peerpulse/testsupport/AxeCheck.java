package org.peerpulse.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.ChromiumDriver;

/**
 * Runs axe-core in the page a real-browser test has open and fails on what would stop someone using it: the
 * violations axe rates serious or critical (a field without a label, text too faint to read, a region only a
 * mouse can scroll). Moderate and minor findings are returned by {@link #violations} but do not fail.
 *
 * <p>The script comes from the classpath (test-support brings it) and goes in through WebDriver, which
 * Chromium runs outside the page's Content-Security-Policy: the pages keep {@code script-src 'self'} and
 * are checked as they are served. Frames are not entered; no page of ours has one.
 *
 * <pre>{@code
 * AxeCheck.assertNoSeriousViolationsAt(browser, "form-empty", Path.of("target", "screenshots"),
 *         Viewport.LAPTOP, Viewport.PHONE);
 * }</pre>
 */
public final class AxeCheck {

    /** Where test-support's axe-core dependency keeps its script. */
    static final String SCRIPT = "axe.min.js";

    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    /**
     * Runs axe and hands back each violation with just what a reader needs. Targets of nodes inside
     * shadow roots are joined with {@code >>>}.
     */
    private static final String RUN = """
            var done = arguments[arguments.length - 1];
            if (typeof window.axe !== 'object') {
              done({error: 'axe-core is not in the page: injecting it failed'});
              return;
            }
            window.axe.run(document, {resultTypes: ['violations'], iframes: false}).then(function (results) {
              done({version: window.axe.version, violations: results.violations.map(function (v) {
                return {rule: v.id, impact: v.impact || 'unknown', help: v.help, helpUrl: v.helpUrl,
                  nodes: v.nodes.map(function (n) {
                    return {target: n.target.map(function (t) { return Array.isArray(t) ? t.join(' >>> ') : t; })
                              .join(' '),
                            html: n.html, summary: n.failureSummary || ''};
                  })};
              })});
            }).catch(function (e) { done({error: String(e && e.stack || e)}); });
            """;

    private AxeCheck() {
    }

    /** One rule the page breaks, with every element that breaks it. */
    public record Violation(String rule, String impact, String help, String helpUrl, List<Element> elements) {

        /** Serious or critical: the rating this check fails on. */
        public boolean blocking() {
            return BLOCKING.contains(impact);
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder().append(rule).append(" [").append(impact).append("] ")
                    .append(help).append(" (").append(helpUrl).append(')');
            elements.forEach(element -> text.append("\n    ").append(element));
            return text.toString();
        }
    }

    /** An element axe found at fault: its CSS selector, its opening markup and what would fix it. */
    public record Element(String target, String html, String fix) {

        @Override
        public String toString() {
            String markup = html.length() > 160 ? html.substring(0, 157) + "..." : html;
            return target + "  " + markup + (fix.isBlank() ? "" : "\n      " + fix.replace("\n", "\n      "));
        }
    }

    /** Every violation on the page open in {@code browser}, whatever its impact. */
    public static List<Violation> violations(WebDriver browser) {
        JavascriptExecutor page = (JavascriptExecutor) browser;
        page.executeScript(Script.SOURCE);
        Map<?, ?> result = (Map<?, ?>) page.executeAsyncScript(RUN);
        if (result.containsKey("error")) {
            throw new IllegalStateException("axe-core did not run on " + browser.getCurrentUrl() + ": "
                    + result.get("error"));
        }
        List<Violation> violations = new ArrayList<>();
        for (Object each : (List<?>) result.get("violations")) {
            Map<?, ?> violation = (Map<?, ?>) each;
            List<Element> elements = new ArrayList<>();
            for (Object node : (List<?>) violation.get("nodes")) {
                Map<?, ?> element = (Map<?, ?>) node;
                elements.add(new Element(text(element.get("target")), text(element.get("html")),
                        text(element.get("summary"))));
            }
            violations.add(new Violation(text(violation.get("rule")), text(violation.get("impact")),
                    text(violation.get("help")), text(violation.get("helpUrl")), List.copyOf(elements)));
        }
        return List.copyOf(violations);
    }

    /** The violations rated serious or critical on the page open in {@code browser}. */
    public static List<Violation> seriousOrCritical(WebDriver browser) {
        return violations(browser).stream().filter(Violation::blocking).toList();
    }

    /** Fails, listing rule, impact, help and the elements at fault, if the page has a serious or critical violation. */
    public static void assertNoSeriousViolations(WebDriver browser, String page) {
        List<Violation> found = seriousOrCritical(browser);
        if (!found.isEmpty()) {
            throw new AssertionError(report(page, List.of(new Finding(null, found))));
        }
    }

    /**
     * Looks at the page on each screen in turn: emulates it, saves {@code <page>-<screen>.png} into
     * {@code screenshots} (when not null) and runs axe. Fails once at the end with every screen's serious
     * or critical violations. Leaves the browser on the last screen given, so list the one the test goes
     * on with last.
     */
    public static void assertNoSeriousViolationsAt(ChromiumDriver browser, String page, Path screenshots,
            Viewport... screens) {
        if (screens.length == 0) {
            throw new IllegalArgumentException("name at least one screen");
        }
        List<Finding> findings = new ArrayList<>();
        for (Viewport screen : screens) {
            screen.emulateOn(browser);
            if (screenshots != null) {
                WholePageScreenshot.save(browser, screenshots.resolve(page + "-" + screen.name() + ".png"));
            }
            List<Violation> found = seriousOrCritical(browser);
            if (!found.isEmpty()) {
                findings.add(new Finding(screen, found));
            }
        }
        if (!findings.isEmpty()) {
            throw new AssertionError(report(page, findings));
        }
    }

    private record Finding(Viewport screen, List<Violation> violations) {
    }

    private static String report(String page, List<Finding> findings) {
        StringBuilder text = new StringBuilder("Serious or critical accessibility violations on ").append(page)
                .append(" (axe-core ").append(Script.VERSION).append("):");
        for (Finding finding : findings) {
            if (finding.screen() != null) {
                text.append("\n on the ").append(finding.screen()).append(':');
            }
            finding.violations().forEach(violation -> text.append("\n  ").append(violation));
        }
        return text.toString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** Read once per JVM, when first needed. */
    private static final class Script {

        static final String SOURCE = read();
        static final String VERSION = version(SOURCE);

        private static String read() {
            try (InputStream in = AxeCheck.class.getClassLoader().getResourceAsStream(SCRIPT)) {
                if (in == null) {
                    throw new IllegalStateException(SCRIPT + " is not on the classpath: test-support brings it"
                            + " with com.deque.html.axe-core:selenium; was that dependency excluded?");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** From the licence banner, {@code /*! axe v4.11.1}. */
        private static String version(String source) {
            int start = source.indexOf("axe v");
            return start < 0 ? "unknown version" : source.substring(start + 5, source.indexOf('\n', start)).trim();
        }
    }
}
