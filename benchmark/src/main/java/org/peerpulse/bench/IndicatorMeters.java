package org.peerpulse.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * metrics-service's own count of events applied, {@code peerpulse_indicators_batch_events_sum} summed over its
 * topics, read from {@code /actuator/prometheus} as the ops client. A cross-check of the consumer-group
 * offsets the pipeline figure is taken from: the meter counts events newly counted (a copy or a void's
 * partner counts nothing), offsets count records consumed. Null when the scrape or the meter is not there.
 */
final class IndicatorMeters {

    private static final String SUM = "peerpulse_indicators_batch_events_sum";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI scrape;
    private final StackApi ops;

    IndicatorMeters(URI auth, URI metrics) {
        this.scrape = metrics.resolve("/actuator/prometheus");
        this.ops = new StackApi(auth, metrics);
    }

    /** Events applied so far by metrics-service's own meter, or null if it cannot be read. */
    Double eventsApplied() {
        try {
            if (ops.bearer() == null) {
                ops.logIn("ops", "ops-secret");
            }
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(scrape)
                    .header("Authorization", "Bearer " + ops.bearer()).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                return null;
            }
            double sum = 0;
            boolean found = false;
            for (String line : answer.body().split("\n")) {
                if (line.startsWith(SUM + "{") || line.startsWith(SUM + " ")) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    found = true;
                }
            }
            return found ? sum : null;
        }
        catch (Exception e) {
            return null;
        }
    }
}
