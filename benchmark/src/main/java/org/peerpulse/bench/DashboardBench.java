package org.peerpulse.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * Dashboard query time as the stored events grow: loads events into Kafka up to each size in turn, waits
 * until metrics-service shows them all, then times the same dashboard requests. The window and the cells
 * stay fixed, so a flat answer time means the cost does not grow with the number of events.
 *
 * <p>{@code DashboardBench [--sizes 10000,1000000] [--queries 300]} ({@code --sizes 0} times the dashboards as
 * they are, adding nothing) against the stack of
 * {@code ./peerpulse up} (ports from the same {@code PEERPULSE_*_PORT} variables), as the demo harbor lead.
 */
public final class DashboardBench {

    private static final int DAYS = 28;

    private DashboardBench() {
    }

    public static void main(String[] args) throws Exception {
        List<Long> sizes = List.of(10_000L, 1_000_000L);
        int queries = 300;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sizes" -> sizes = List.of(args[++i].split(",")).stream().map(Long::parseLong).toList();
                case "--queries" -> queries = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        String host = "http://127.0.0.1:";
        StackApi api = new StackApi(URI.create(host + port("PEERPULSE_AUTH_PORT", 9000)),
                URI.create(host + port("PEERPULSE_METRICS_PORT", 8083)));
        api.logIn("harbor-lead", "harbor-lead-secret");
        SyntheticMonth month = new SyntheticMonth("harbor", 3, 4, LocalDate.now(ZoneOffset.UTC).minusDays(1), DAYS);
        List<HttpRequest> probes = List.of(
                api.dashboard("/api/v1/dashboards/agency", month.firstDay(), month.lastDay(), "week"),
                api.dashboard("/api/v1/dashboards/programs/" + month.program(0), month.firstDay(), month.lastDay(), "day"),
                api.dashboard("/api/v1/dashboards/specialists/" + month.specialist(0), month.firstDay(),
                        month.lastDay(), "week"));
        JsonNode before = api.send(probes.get(0));
        long baseline = before.path("sessions").asLong();
        long baselineResponses = before.path("responses").asLong(0);
        System.out.printf("Stack at %s already shows %,d sessions in the window; adding events.%n", host, baseline);

        List<String> rows = new ArrayList<>();
        long loaded = 0;
        try (KafkaLoad load = new KafkaLoad("127.0.0.1:" + port("PEERPULSE_KAFKA_PORT", 9092))) {
            for (long size : sizes) {
                long started = System.nanoTime();
                for (; loaded * 2 < size; loaded++) {
                    load.send(month.session(loaded));
                    if (loaded % 50_000 == 0 && loaded > 0) {
                        System.out.printf("  produced %,d events%n", loaded * 2);
                    }
                }
                load.flush();
                // Both streams: timing queries while feedback is still being applied would measure the load.
                JsonNode now;
                while ((now = api.send(probes.get(0))).path("sessions").asLong() < baseline + loaded
                        || now.path("responses").asLong(0) < baselineResponses + loaded) {
                    System.out.printf("  applied %,d of %,d sessions, %,d of %,d answers%n",
                            now.path("sessions").asLong() - baseline, loaded,
                            now.path("responses").asLong(0) - baselineResponses, loaded);
                    Thread.sleep(2_000);
                }
                double loadSeconds = (System.nanoTime() - started) / 1e9;
                Latencies latencies = new Latencies(queries * probes.size());
                for (int warmUp = 0; warmUp < 50; warmUp++) {
                    api.send(probes.get(warmUp % probes.size()));
                }
                for (int q = 0; q < queries; q++) {
                    for (HttpRequest probe : probes) {
                        long t0 = System.nanoTime();
                        api.send(probe);
                        latencies.add(System.nanoTime() - t0);
                    }
                }
                String row = String.format(Locale.ROOT, "| %,d | %,d | %.1f | %.2f | %.2f |", loaded * 2, latencies.count(),
                        loadSeconds, latencies.percentileMs(50), latencies.percentileMs(99));
                System.out.println("  " + row);
                rows.add(row);
            }
        }
        System.out.println();
        System.out.println("| stored events (this run) | queries | load + apply s | p50 ms | p99 ms |");
        System.out.println("|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value);
    }
}
