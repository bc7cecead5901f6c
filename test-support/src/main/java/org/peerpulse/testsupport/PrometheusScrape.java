package org.peerpulse.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One scrape of a service's {@code /actuator/prometheus}, read as Prometheus reads it (with an {@code ops}
 * token), so a test proves the exact names dashboards and alert rules use, and that no series carries an id.
 *
 * <p>Why a test and not a meter filter: a filter cannot tell a session id from a channel name, but a test
 * knows every id and token it used, so after a full flow it can look at every series of every meter (ours,
 * Boot's HTTP timings, Kafka's and MongoDB's clients) and fail on any label value that quotes one. Our own
 * {@code peerpulse_*} series are further held to a short list of label names with bounded values.
 */
public final class PrometheusScrape {

    /** The label names a {@code peerpulse_*} series may have: all take values from small closed sets. */
    public static final Set<String> BOUNDED_LABELS = Set.of("application", "channel", "mode", "language", "topic",
            "view", "collection", "le", "kind", "outcome", "action");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One line of the exposition: a series and its value. */
    public record Sample(String name, Map<String, String> labels, double value) {

        boolean matches(String metric, Map<String, String> wanted) {
            return name.equals(metric) && labels.entrySet().containsAll(wanted.entrySet());
        }
    }

    private final String text;
    private final List<Sample> samples;

    private PrometheusScrape(String text) {
        this.text = text;
        this.samples = parse(text);
    }

    /** Scrapes the service on {@code 127.0.0.1:port} as {@code ops}; fails unless it answers 200. */
    public static PrometheusScrape of(int port) {
        String token = TestIssuer.shared().token(Map.of("roles", List.of("ops")), Duration.ofMinutes(10));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("/actuator/prometheus answered " + response.statusCode());
            }
            return new PrometheusScrape(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String text() {
        return text;
    }

    public List<Sample> samples() {
        return samples;
    }

    /** Whether any series of this exact Prometheus name is exposed. */
    public boolean has(String name) {
        return samples.stream().anyMatch(sample -> sample.name().equals(name));
    }

    /**
     * The sum over the series of this Prometheus name that carry all the given labels ({@code "k", "v", ...});
     * fails when there is none, so a test also proves the name is scraped.
     */
    public double value(String name, String... labels) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i + 1 < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        List<Sample> matching = samples.stream().filter(sample -> sample.matches(name, wanted)).toList();
        if (matching.isEmpty()) {
            throw new AssertionError("no series " + name + wanted + " in the scrape; " + name + " has "
                    + samples.stream().filter(sample -> sample.name().equals(name)).map(Sample::labels).toList());
        }
        return matching.stream().mapToDouble(Sample::value).sum();
    }

    /** The distinct values one label takes over the series of a Prometheus name. */
    public Set<String> labelValues(String name, String label) {
        Set<String> values = new TreeSet<>();
        samples.stream().filter(sample -> sample.name().equals(name) && sample.labels().containsKey(label))
                .forEach(sample -> values.add(sample.labels().get(label)));
        return values;
    }

    /**
     * Fails if any label value of any series quotes one of {@code used} (ids, tokens, references a test sent),
     * or if a {@code peerpulse_*} series has a label outside {@link #BOUNDED_LABELS}, or any series lacks the
     * common {@code application} label.
     */
    public void assertNoTagCarries(Collection<String> used) {
        List<String> offending = new ArrayList<>();
        for (Sample sample : samples) {
            for (Map.Entry<String, String> label : sample.labels().entrySet()) {
                for (String id : used) {
                    if (!id.isBlank() && label.getValue().contains(id)) {
                        offending.add(sample.name() + " " + label.getKey() + " quotes a value the test used");
                    }
                }
            }
            if (sample.name().startsWith("peerpulse_")
                    && !BOUNDED_LABELS.containsAll(sample.labels().keySet())) {
                offending.add(sample.name() + " has labels " + sample.labels().keySet());
            }
            if (!sample.labels().containsKey("application")) {
                offending.add(sample.name() + " has no application label");
            }
        }
        if (!offending.isEmpty()) {
            throw new AssertionError("metric tags must never carry an id: " + new TreeSet<>(offending));
        }
    }

    private static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            Map<String, String> labels = new LinkedHashMap<>();
            String name;
            int rest;
            if (brace >= 0 && brace < space) {
                name = line.substring(0, brace);
                rest = readLabels(line, brace + 1, labels);
            } else {
                name = line.substring(0, space);
                rest = space;
            }
            String[] value = line.substring(rest).trim().split(" ");
            samples.add(new Sample(name, Map.copyOf(labels), parseValue(value[0])));
        }
        return List.copyOf(samples);
    }

    /** Reads {@code k="v",...}} from {@code from}; returns the index after the closing brace. */
    private static int readLabels(String line, int from, Map<String, String> labels) {
        int i = from;
        while (line.charAt(i) != '}') {
            int equals = line.indexOf('=', i);
            String key = line.substring(i, equals).trim();
            StringBuilder value = new StringBuilder();
            int j = equals + 2;
            while (line.charAt(j) != '"') {
                char c = line.charAt(j);
                if (c == '\\') {
                    char next = line.charAt(++j);
                    value.append(next == 'n' ? '\n' : next);
                } else {
                    value.append(c);
                }
                j++;
            }
            labels.put(key, value.toString());
            i = j + 1;
            if (line.charAt(i) == ',') {
                i++;
            }
        }
        return i + 1;
    }

    private static double parseValue(String value) {
        return switch (value) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(value);
        };
    }
}
