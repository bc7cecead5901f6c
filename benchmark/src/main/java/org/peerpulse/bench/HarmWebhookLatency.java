package org.peerpulse.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A participant's harm report, end to end to the agency's webhook: {@code POST /api/v1/feedback} with
 * {@code harm.reported = true} on feedback-service → its store, outbox and relay → the feedback topic →
 * metrics-service opens the alert (its notice in the same insert) → the dispatcher's Standard Webhooks request →
 * a receiver in the benchmark's JVM ({@code com.sun.net.httpserver} on 127.0.0.1). For the run, harbor's lead
 * points harbor's webhook at that receiver through session-service's settings API (plain http is allowed on the
 * local stack only) and waits until metrics-service follows; the settings are put back afterwards.
 *
 * <p>Each report answers a session logged through session-service's API on a day of its own (noon UTC, counting
 * back from {@code lastDay}), so the notice's {@code sessionDate} names exactly which POST it belongs to. The
 * reports are sent open loop at a fixed rate; each one's latency is from its scheduled POST to the first arrival
 * of its notice. Every arrival's signature is checked with harbor's {@code whsec_} secret (read from
 * {@code GET /api/v1/alerts/webhook}), and its body for the report's own text, which must never be there.
 */
final class HarmWebhookLatency {

    /**
     * @param reports timed harm reports sent; {@code accepted} answered 201
     * @param received notices that arrived for them (first arrivals); {@code copies} further arrivals of one id
     * @param arrivals every request the receiver got, the warm-up's included
     * @param verified of those, the ones whose signature checked; {@code leaked} the ones carrying the report's text
     * @param p50Ms from each report's scheduled POST to its notice's arrival
     */
    record Result(int reports, double perSec, long accepted, long received, long copies, long arrivals, long verified,
            long leaked,
            long notYetKnown, String failures, double p50Ms, double p99Ms, double maxMs, double from201P50Ms,
            double from201P99Ms, int warmUpReports, String exampleRequest) {
    }

    private record Arrival(long atNanos, String id, String timestamp, String signature, String body, String text) {
    }

    private record Sent(LocalDate day, long scheduled, long answered, int status, int notYetKnown) {
    }

    private static final String WORDS = "bench-words-that-must-stay-in-feedback-service";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final StackApi specialist;
    private final StackApi lead;
    private final URI sessionService;
    private final URI feedback;
    private final URI metrics;

    HarmWebhookLatency(StackApi specialist, StackApi lead, URI sessionService, URI feedback, URI metrics) {
        this.specialist = specialist;
        this.lead = lead;
        this.sessionService = sessionService;
        this.feedback = feedback;
        this.metrics = metrics;
    }

    Result run(LocalDate lastDay, int reports, double perSec, int warmUp, Progress progress) throws Exception {
        List<Arrival> arrivals = new ArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext("/", exchange -> {
            long at = System.nanoTime();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            var headers = exchange.getRequestHeaders();
            StringBuilder text = new StringBuilder("POST ").append(exchange.getRequestURI().getPath()).append('\n');
            headers.entrySet().stream().sorted(Map.Entry.comparingByKey(String.CASE_INSENSITIVE_ORDER))
                    .forEach(h -> text.append(h.getKey().toLowerCase(Locale.ROOT)).append(": ")
                            .append(h.getValue().get(0)).append('\n'));
            text.append('\n').append(body);
            synchronized (arrivals) {
                arrivals.add(new Arrival(at, headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                        headers.getFirst("webhook-signature"), body, text.toString()));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/harbor-alerts";
        JsonNode settingsBefore = get(sessionService.resolve("/api/v1/settings"));
        try {
            progress.say("Harm reports to a webhook: pointing harbor's webhook at %s", url);
            ObjectNode changed = ((ObjectNode) settingsBefore.deepCopy()).put("alertWebhookUrl", url);
            put(sessionService.resolve("/api/v1/settings"), changed.toString());
            String secret = awaitWebhook(url);

            progress.say("  logging %d sessions through session-service, one a day back from %s", warmUp + reports,
                    lastDay);
            List<LocalDate> days = new ArrayList<>();
            for (int i = 0; i < warmUp + reports; i++) {
                days.add(lastDay.minusDays(i));
            }
            Map<LocalDate, String> tokens = logSessions(days);

            progress.say("  warm-up: %d harm reports, untimed", warmUp);
            List<Sent> warm = send(days.subList(0, warmUp), tokens, perSec);
            awaitArrivals(arrivals, warm, Duration.ofMinutes(2));

            progress.say("  %d harm reports at %.1f/s, POST /api/v1/feedback → the webhook's arrival", reports, perSec);
            List<Sent> timed = send(days.subList(warmUp, warmUp + reports), tokens, perSec);
            awaitArrivals(arrivals, timed, Duration.ofSeconds(60));

            List<Arrival> got;
            synchronized (arrivals) {
                got = List.copyOf(arrivals);
            }
            Map<String, Arrival> firstByDay = new HashMap<>();
            Set<String> ids = new HashSet<>();
            long copies = 0;
            long verified = 0;
            long leaked = 0;
            for (Arrival arrival : got) {
                if (!ids.add(arrival.id())) {
                    copies++;
                }
                if (verifies(secret, arrival)) {
                    verified++;
                }
                if (arrival.body().contains(WORDS)) {
                    leaked++;
                }
                String day = specialist.json(arrival.body()).path("data").path("sessionDate").asString();
                firstByDay.putIfAbsent(day, arrival);
            }
            Latencies fromSend = new Latencies(timed.size());
            Latencies from201 = new Latencies(timed.size());
            long accepted = 0;
            long received = 0;
            for (Sent sent : timed) {
                if (sent.status() != 201) {
                    continue;
                }
                accepted++;
                Arrival arrival = firstByDay.get(sent.day().toString());
                if (arrival != null) {
                    received++;
                    fromSend.add(arrival.atNanos() - sent.scheduled());
                    from201.add(Math.max(0, arrival.atNanos() - sent.answered()));
                }
            }
            String failures = timed.stream().filter(s -> s.status() != 201)
                    .collect(Collectors.groupingBy(s -> s.status() < 0 ? "I/O error" : "HTTP " + s.status(),
                            Collectors.counting())).toString();
            Arrival example = got.isEmpty() ? null : got.get(got.size() - 1);
            Result result = new Result(reports, perSec, accepted, received, copies, got.size(), verified, leaked,
                    timed.stream().mapToLong(Sent::notYetKnown).sum(), failures, fromSend.percentileMs(50),
                    fromSend.percentileMs(99), fromSend.percentileMs(100), from201.percentileMs(50),
                    from201.percentileMs(99), warmUp, example == null ? null : example.text());
            progress.say("  %d of %d reports accepted, %d notices received (%d copies), %d of %d signatures verified, "
                    + "%d carried the report's words; POST → webhook p50 %.0f ms, p99 %.0f ms, max %.0f ms (201 → webhook "
                    + "p50 %.0f ms, p99 %.0f ms)", accepted, reports, received, copies, verified, got.size(), leaked,
                    result.p50Ms(), result.p99Ms(), result.maxMs(), result.from201P50Ms(), result.from201P99Ms());
            if (example != null) {
                progress.say("  one request as received:%n%s", example.text());
            }
            return result;
        }
        finally {
            put(sessionService.resolve("/api/v1/settings"),
                    ((ObjectNode) get(sessionService.resolve("/api/v1/settings")).deepCopy())
                            .set("alertWebhookUrl", settingsBefore.get("alertWebhookUrl")).toString());
            receiver.stop(0);
            ((ExecutorService) receiver.getExecutor()).shutdownNow();
        }
    }

    /** Until metrics-service holds the new URL (it follows the agencies topic); answers harbor's secret. */
    private String awaitWebhook(String url) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            JsonNode webhook = get(metrics.resolve("/api/v1/alerts/webhook"));
            if (url.equals(webhook.path("url").asString(null))) {
                return webhook.path("secret").asString();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("metrics-service did not take harbor's webhook URL within 60 s");
            }
            Thread.sleep(200);
        }
    }

    private static void awaitArrivals(List<Arrival> arrivals, List<Sent> sent, Duration atMost) throws Exception {
        long expected = sent.stream().filter(s -> s.status() == 201).count();
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            Set<String> days = new HashSet<>();
            synchronized (arrivals) {
                arrivals.forEach(arrival -> days.add(arrival.body().replaceAll(".*\"sessionDate\":\"([^\"]+)\".*", "$1")));
            }
            if (sent.stream().filter(s -> s.status() == 201).filter(s -> days.contains(s.day().toString())).count()
                    >= expected) {
                return;
            }
            Thread.sleep(50);
        }
    }

    /** What a receiver checks: base64 HMAC-SHA256 of {@code id.timestamp.body} with the secret's bytes. */
    private static boolean verifies(String secret, Arrival arrival) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(
                    (arrival.id() + "." + arrival.timestamp() + "." + arrival.body()).getBytes(StandardCharsets.UTF_8)));
            return expected.equals(arrival.signature());
        } catch (Exception e) {
            return false;
        }
    }

    private Map<LocalDate, String> logSessions(List<LocalDate> days) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Map<LocalDate, Future<String>> tokens = new HashMap<>();
            AtomicInteger n = new AtomicInteger();
            for (LocalDate day : days) {
                Instant at = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
                tokens.put(day, pool.submit(() -> {
                    String body = String.format(Locale.ROOT, """
                            {"programId":"bench-e2e-program","specialistId":"ana-rivera","participantRef":"harm-%s-%d",\
                            "occurredAt":"%s","durationMinutes":30,"channel":"PHONE","activity":"PEER_SUPPORT",\
                            "focusAreas":["WELLNESS"],"strengthsNoted":[],"valuesPracticed":[]}""",
                            run, n.incrementAndGet(), at);
                    HttpResponse<String> answer = specialist.post(sessionService.resolve("/api/v1/sessions"), body,
                            UUID.randomUUID().toString());
                    if (answer.statusCode() != 201) {
                        throw new IllegalStateException("session-service answered " + answer.statusCode());
                    }
                    return specialist.json(answer.body()).path("feedback").path("token").asString();
                }));
            }
            Map<LocalDate, String> result = new HashMap<>();
            for (Map.Entry<LocalDate, Future<String>> token : tokens.entrySet()) {
                result.put(token.getKey(), token.getValue().get(5, TimeUnit.MINUTES));
            }
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One harm report per day, open loop at {@code perSec}; a 503 (invitation not known yet) is sent again. */
    private List<Sent> send(List<LocalDate> days, Map<LocalDate, String> tokens, double perSec) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Map<LocalDate, Sent> sent = new ConcurrentHashMap<>();
        try {
            long interval = (long) (TimeUnit.SECONDS.toNanos(1) / perSec);
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < days.size(); i++) {
                long scheduled = start + i * interval;
                long wait;
                while ((wait = scheduled - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                LocalDate day = days.get(i);
                String body = String.format(Locale.ROOT, "{\"token\":\"%s\",\"ratings\":{\"KINDNESS\":2},\"hope\":2,"
                        + "\"harm\":{\"reported\":true,\"text\":\"%s\"},\"language\":\"en\",\"mode\":\"OWN_DEVICE\"}",
                        tokens.get(day), WORDS);
                all.add(pool.submit(() -> sent.put(day, post(day, body, scheduled))));
            }
            for (Future<?> done : all) {
                done.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        return days.stream().map(sent::get).toList();
    }

    private Sent post(LocalDate day, String body, long scheduled) {
        int status = -1;
        int notYetKnown = 0;
        for (int attempt = 0; attempt < 100; attempt++) {
            try {
                status = http.send(HttpRequest.newBuilder(feedback).header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                status = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (status != 503) {
                break;
            }
            notYetKnown++;
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        return new Sent(day, scheduled, System.nanoTime(), status, notYetKnown);
    }

    private JsonNode get(URI uri) throws Exception {
        return lead.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + lead.bearer())
                .timeout(Duration.ofSeconds(10)).GET().build());
    }

    private void put(URI uri, String json) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + lead.bearer())
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("PUT " + uri.getPath() + " answered " + answer.statusCode() + ": "
                    + answer.body());
        }
    }
}
