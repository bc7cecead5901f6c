package org.peerpulse.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed loop of a fixed number of clients, each posting a session, waiting for the answer and posting
 * the next: the offered load adapts to the server, so the count of answers per second is its throughput at
 * that concurrency. Warm-up answers are not counted. Every request carries its own Idempotency-Key, as a
 * specialist's app would.
 */
final class IngestLoad {

    record Result(String target, int clients, double seconds, long created, long failed, double requestsPerSec,
            double p50Ms, double p99Ms, String failures) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    Result run(String name, URI sessions, String bearer, int clients, int warmUpSeconds, int seconds, Progress progress)
            throws InterruptedException {
        AtomicBoolean counting = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong created = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ConcurrentHashMap<String, AtomicLong> failures = new ConcurrentHashMap<>();
        List<Latencies> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Latencies mine = new Latencies(200_000);
            latencies.add(mine);
            int client = c;
            Thread thread = new Thread(() -> {
                long n = 0;
                while (running.get()) {
                    HttpRequest request = HttpRequest.newBuilder(sessions)
                            .header("Authorization", "Bearer " + bearer)
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(body(client, n++)))
                            .build();
                    long t0 = System.nanoTime();
                    String outcome;
                    try {
                        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                        outcome = answer.statusCode() == 201 ? null : "HTTP " + answer.statusCode();
                    }
                    catch (java.io.IOException e) {
                        outcome = e.getClass().getSimpleName();
                    }
                    catch (InterruptedException e) {
                        return;
                    }
                    if (counting.get()) {
                        if (outcome == null) {
                            created.incrementAndGet();
                            if (mine.count() < 200_000) {
                                mine.add(System.nanoTime() - t0);
                            }
                        }
                        else {
                            failed.incrementAndGet();
                            failures.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
                        }
                    }
                }
            }, "ingest-client-" + c);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        progress.say("%s: %d clients, %d s warm-up, then %d s counted (%s)", name, clients, warmUpSeconds, seconds, sessions);
        Thread.sleep(TimeUnit.SECONDS.toMillis(warmUpSeconds));
        counting.set(true);
        long start = System.nanoTime();
        for (int s = 5; s <= seconds; s += 5) {
            Thread.sleep(5_000);
            progress.say("  %,d created so far (%,.0f/s)", created.get(), created.get() / ((System.nanoTime() - start) / 1e9));
        }
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds % 5));
        counting.set(false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        running.set(false);
        for (Thread thread : threads) {
            thread.join(35_000);
        }
        Latencies all = new Latencies((int) Math.min(Integer.MAX_VALUE - 8, latencies.stream().mapToLong(Latencies::count).sum()));
        latencies.forEach(all::addAll);
        Result result = new Result(name, clients, elapsed, created.get(), failed.get(), created.get() / elapsed,
                all.percentileMs(50), all.percentileMs(99), failures.toString());
        progress.say("  %s: %,.0f created/s, p50 %.1f ms, p99 %.1f ms, %,d failed %s", name, result.requestsPerSec(),
                result.p50Ms(), result.p99Ms(), result.failed(), failures.isEmpty() ? "" : failures);
        return result;
    }

    /** The programs the ingest sessions are logged in, each a program of {@link #SPECIALIST}. */
    static final List<String> PROGRAMS = List.of("bench-ingest-program-0", "bench-ingest-program-1",
            "bench-ingest-program-2");
    /** The specialist of the demo client {@code harbor-peer}: a specialist logs only as themselves. */
    static final String SPECIALIST = "ana-rivera";

    /** A session as a specialist logs it; the same body for the service and the bare endpoint. */
    static String body(int client, long n) {
        Instant at = Instant.now().minusSeconds(3600);
        String channel = List.of("IN_PERSON", "PHONE", "VIDEO", "TEXT").get((int) (n % 4));
        return String.format(Locale.ROOT, """
                {"programId":"bench-ingest-program-%d","specialistId":"%s","participantRef":"participant-%d-%d",\
                "occurredAt":"%s","durationMinutes":%d,"channel":"%s","activity":"PEER_SUPPORT",\
                "focusAreas":["RECOVERY_GOALS","HOUSING"],"strengthsNoted":["persistence","humor"],\
                "valuesPracticed":["KINDNESS","EMPATHY"]}""", client % 3, SPECIALIST, client, n, at, 30 + n % 60, channel);
    }
}
