package org.peerpulse.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.peerpulse.localstack.OpsFiles.Expression;
import org.peerpulse.localstack.PromQl.Selector;

/**
 * Keeps the alert rules and dashboards honest against a running stack: every metric their PromQL reads must
 * be a series some service actually exposes on {@code /actuator/prometheus}, scraped the way compose's
 * Prometheus does it (the demo {@code prometheus} client's token), and every label a matcher tests must be on
 * that series: a matcher on a missing label selects nothing (or, negated, everything) and no query says so.
 *
 * <p>Names are compared with the scraped sample names, not with the families' {@code # TYPE} names: a
 * counter family {@code x} shows as {@code x_total}, a timer as {@code x_seconds_count}/{@code _sum}/
 * {@code _max}, and {@code x_seconds_bucket} only when the timer publishes a histogram. So a rule that takes a
 * quantile of a plain summary, or a counter without its {@code _total}, fails here as it would fail in Grafana.
 * {@code job} and {@code instance} are Prometheus's own target labels, never in a scrape.
 *
 * <p>Some series appear only after their first use or a client's refresh: Kafka's per-partition lag is bound
 * by Micrometer up to a minute after the consumer got its partitions. So the scrapes are repeated until all
 * is there or {@link #PATIENCE} has passed, and the failure lists what is still missing and who reads it.
 */
final class OpsFilesExposure {

    static final Duration PATIENCE = Duration.ofSeconds(150);

    private static final Set<String> TARGET_LABELS = Set.of("job", "instance");

    private OpsFilesExposure() {
    }

    static void assertEveryMetricIsExposed(int authPort, List<Integer> servicePorts) {
        List<Expression> expressions = OpsFiles.expressions();
        assertThat(expressions).as("PromQL of the ops files").isNotEmpty();
        await("every metric and label the alert rules and dashboards read to be exposed").atMost(PATIENCE)
                .pollInterval(Duration.ofSeconds(3))
                .untilAsserted(() -> {
                    Map<String, Set<String>> exposed = scrapedSeries(authPort, servicePorts);
                    Map<String, Set<String>> missing = new TreeMap<>();
                    for (Expression expression : expressions) {
                        for (Selector selector : PromQl.selectors(expression.promql())) {
                            if (OpsFiles.MADE_BY_PROMETHEUS.contains(selector.metric())) {
                                continue;
                            }
                            Set<String> labels = exposed.get(selector.metric());
                            if (labels == null) {
                                missing.computeIfAbsent(selector.metric(), key -> new TreeSet<>())
                                        .add(expression.where());
                                continue;
                            }
                            for (String label : selector.matchedLabels()) {
                                if (!TARGET_LABELS.contains(label) && !labels.contains(label)) {
                                    missing.computeIfAbsent(selector.metric() + "{" + label + "}",
                                            key -> new TreeSet<>()).add(expression.where() + " (the series have "
                                                    + labels + ")");
                                }
                            }
                        }
                    }
                    assertThat(missing).as("metrics and labels read by deploy/prometheus and deploy/grafana that no "
                            + "service exposes (what -> where it is read):%n%s", describe(missing)).isEmpty();
                });
    }

    /** Each sample name of all the services' scrapes with the label names its series carry, read as Prometheus. */
    static Map<String, Set<String>> scrapedSeries(int authPort, List<Integer> servicePorts) {
        String token = StackClient.token(authPort, "prometheus");
        Map<String, Set<String>> series = new TreeMap<>();
        for (int port : servicePorts) {
            HttpResponse<String> scrape = StackClient.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                    .header("Authorization", "Bearer " + token));
            assertThat(scrape.statusCode()).as("scrape of port " + port + " with the prometheus client's token")
                    .isEqualTo(200);
            samples(scrape.body()).forEach((name, labels) -> series.computeIfAbsent(name, key -> new TreeSet<>())
                    .addAll(labels));
        }
        return series;
    }

    /**
     * The samples of a Prometheus text exposition: each name with the label names of its lines (comments and
     * blank lines skipped; label values may hold escaped quotes, commas and braces).
     */
    static Map<String, Set<String>> samples(String exposition) {
        Map<String, Set<String>> samples = new TreeMap<>();
        exposition.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(line -> {
            int i = 0;
            while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
                i++;
            }
            Set<String> labels = samples.computeIfAbsent(line.substring(0, i), key -> new TreeSet<>());
            if (i < line.length() && line.charAt(i) == '{') {
                i++;
                while (i < line.length() && line.charAt(i) != '}') {
                    int equals = line.indexOf('=', i);
                    labels.add(line.substring(i, equals).strip());
                    i = equals + 2;
                    while (line.charAt(i) != '"') {
                        i += line.charAt(i) == '\\' ? 2 : 1;
                    }
                    i++;
                    if (line.charAt(i) == ',') {
                        i++;
                    }
                }
            }
        });
        return samples;
    }

    private static String describe(Map<String, Set<String>> missing) {
        return missing.entrySet().stream()
                .map(entry -> "  " + entry.getKey() + " <- " + String.join("; ", entry.getValue()))
                .collect(Collectors.joining(System.lineSeparator()));
    }
}
