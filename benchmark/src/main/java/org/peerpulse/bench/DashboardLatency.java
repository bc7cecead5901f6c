package org.peerpulse.bench;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The dashboards quality leads open (the agency by week, a program by day, a specialist by week) over one fixed
 * window and set of cells, from a number of concurrent clients (16 in DESIGN.md's target), each sending the three in
 * turn, back to back. With the cells and days fixed, a flat time as the stored events grow means the query cost does
 * not grow with them.
 */
final class DashboardLatency {

    /**
     * @param clients concurrent clients, each waiting for its answer before it sends the next request
     * @param requestsPerSec answers per second over the timed part, all clients together
     */
    record Result(long storedEvents, String howStored, int clients, long queries, double p50Ms, double p99Ms,
            double maxMs, double requestsPerSec, long sessionsShown, long countedInWindow) {
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

    /**
     * Times the dashboards after a warm-up of {@code warmUpSeconds} with the same clients (the small tier comes
     * first in a run, and without it would pay for metrics-service's JIT and make the large tier look flatter than it
     * is): then each of {@code clients} clients sends {@code rounds} rounds of the three requests.
     */
    Result time(long storedEvents, long countedInWindow, String howStored, int clients, int rounds, int warmUpSeconds)
            throws Exception {
        List<HttpRequest> probes = probes();
        long warmUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmUpSeconds);
        run(clients, client -> {
            for (int i = client; System.nanoTime() < warmUntil; i++) {
                api.send(probes.get(i % probes.size()));
            }
        });
        List<Latencies> perClient = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            perClient.add(new Latencies(rounds * probes.size()));
        }
        long started = System.nanoTime();
        run(clients, client -> {
            Latencies mine = perClient.get(client);
            for (int round = 0; round < rounds; round++) {
                for (int p = 0; p < probes.size(); p++) {
                    HttpRequest probe = probes.get((client + p) % probes.size());
                    long t0 = System.nanoTime();
                    api.send(probe);
                    mine.add(System.nanoTime() - t0);
                }
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        Latencies all = new Latencies(clients * rounds * probes.size());
        perClient.forEach(all::addAll);
        return new Result(storedEvents, howStored, clients, all.count(), all.percentileMs(50), all.percentileMs(99),
                all.percentileMs(100), all.count() / seconds, sessionsShown(), countedInWindow);
    }

    private interface Client {
        void run(int client) throws Exception;
    }

    private static void run(int clients, Client work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                done.add(pool.submit(() -> {
                    work.run(client);
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(10, TimeUnit.MINUTES);
            }
        }
        finally {
            pool.shutdownNow();
        }
    }
}
