package org.peerpulse.bench;

import java.net.http.HttpRequest;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The dashboards a quality lead opens (the agency by week, a program by day, a specialist by week) over
 * one fixed window and set of cells, timed one after the other from a single client. With the cells and
 * days fixed, a flat time as the stored events grow means the query cost does not grow with them.
 */
final class DashboardLatency {

    record Result(long storedEvents, String howStored, long queries, double p50Ms, double p99Ms, long sessionsShown) {
    }

    private final StackApi api;
    private final SyntheticMonth month;

    DashboardLatency(StackApi api, SyntheticMonth month) {
        this.api = api;
        this.month = month;
    }

    List<HttpRequest> probes() {
        return List.of(
                api.dashboard("/api/v1/dashboards/agency", month.firstDay(), month.lastDay(), "week"),
                api.dashboard("/api/v1/dashboards/programs/" + month.program(0), month.firstDay(), month.lastDay(), "day"),
                api.dashboard("/api/v1/dashboards/specialists/" + month.specialist(0), month.firstDay(), month.lastDay(),
                        "week"));
    }

    /** Sessions the agency dashboard of the window shows now. */
    long sessionsShown() throws Exception {
        return api.send(probes().get(0)).path("sessions").asLong();
    }

    long responsesShown() throws Exception {
        JsonNode answer = api.send(probes().get(0));
        return answer.path("responses").asLong(0);
    }

    /**
     * Times the dashboards after a warm-up of at least {@code warmUpSeconds} (and 60 requests): the small tier
     * comes first in a run, and without it would pay for metrics-service's JIT and make the large tier look
     * flatter than it is.
     */
    Result time(long storedEvents, String howStored, int queriesPerProbe, int warmUpSeconds) throws Exception {
        List<HttpRequest> probes = probes();
        long warmUntil = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(warmUpSeconds);
        for (int warmUp = 0; warmUp < 60 || System.nanoTime() < warmUntil; warmUp++) {
            api.send(probes.get(warmUp % probes.size()));
        }
        Latencies latencies = new Latencies(queriesPerProbe * probes.size());
        for (int q = 0; q < queriesPerProbe; q++) {
            for (HttpRequest probe : probes) {
                long t0 = System.nanoTime();
                api.send(probe);
                latencies.add(System.nanoTime() - t0);
            }
        }
        return new Result(storedEvents, howStored, latencies.count(), latencies.percentileMs(50),
                latencies.percentileMs(99), sessionsShown());
    }
}
