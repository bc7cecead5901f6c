package org.peerpulse.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import org.peerpulse.contracts.FrameworkItem;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.ItemKind;

/**
 * A participant's answer, end to end: {@code POST /api/v1/feedback} on feedback-service (the participant's own
 * request, no login: the token is the credential) → feedback-service's store and outbox → its relay → the feedback
 * topic → metrics-service → the agency dashboard a quality lead reads. The tokens come from sessions logged first
 * through session-service's API as the demo specialist, on one day (within session-service's 90 days) that no
 * other phase uses, so that dashboard counts only these answers.
 *
 * <p>The answers are sent open loop at a fixed rate, each at its scheduled time from a pool of clients, while one
 * client polls that day's agency dashboard back to back. feedback-service publishes answers in the order it stored
 * them and metrics-service applies one agency's answers in order, so the k-th accepted answer (by the time its 201
 * arrived) is visible once the dashboard counts k. Two figures per answer: from its scheduled send (what a
 * participant waits, request included, without coordinated omission) and from its 201 (the pipeline after the
 * write). Before timing, a warm-up of answers at the same rate is sent and awaited, so the dashboard shows the
 * response count (it is hidden below the agency's smallest cell, 5) and the JIT is warm.
 */
final class AnswerFreshness {

    private static final List<String> RATED = Frameworks.PEER_CORE_V1.items().stream()
            .filter(item -> item.kind() == ItemKind.VALUE || item.kind() == ItemKind.PRINCIPLE)
            .map(FrameworkItem::code)
            .toList();

    /**
     * @param p50Ms from each answer's scheduled send to the first dashboard answer that counted it
     * @param from201P50Ms from each answer's 201 to the same
     * @param accepted answers answered 201; {@code notYetKnown} 503s were sent again after 100 ms
     */
    record Result(int answersPerSec, double seconds, String day, long answers, long accepted, long seen,
            long notYetKnown, String failures, double p50Ms, double p99Ms, double maxMs, double from201P50Ms,
            double from201P99Ms, double postP50Ms, double postP99Ms, double pollP50Ms, long polls, long warmUpAnswers) {
    }

    private record Answer(long scheduled, long sent, long answered, int status, int notYetKnown) {
    }

    private record Poll(long atNanos, long responses) {
    }

    private final StackApi specialist;
    private final StackApi lead;
    private final StackApi participants;
    private final URI sessions;
    private final URI feedback;

    /** @param participants a client that has not logged in: participants answer with their token alone */
    AnswerFreshness(StackApi specialist, StackApi lead, StackApi participants, URI sessions, URI feedback) {
        this.specialist = specialist;
        this.lead = lead;
        this.participants = participants;
        this.sessions = sessions;
        this.feedback = feedback;
    }

    Result run(LocalDate day, int answersPerSec, int seconds, int warmUpSeconds, Progress progress) throws Exception {
        int warmUp = answersPerSec * warmUpSeconds;
        int timed = answersPerSec * seconds;
        HttpRequest probe = lead.dashboard("/api/v1/dashboards/agency", day, day, "day");
        long sessionsBefore = lead.send(probe).path("sessions").asLong();
        progress.say("Answers end to end: logging %,d sessions on %s through session-service for their tokens", warmUp + timed, day);
        List<String> tokens = logSessions(day, warmUp + timed);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (lead.send(probe).path("sessions").asLong() < sessionsBefore + tokens.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the logged sessions did not reach the dashboard within 3 minutes");
            }
            Thread.sleep(500);
        }
        progress.say("  warm-up: %,d answers at %d/s, untimed", warmUp, answersPerSec);
        long responsesBefore = responses(lead.send(probe));
        List<Answer> warm = send(tokens.subList(0, warmUp), answersPerSec);
        long warmAccepted = warm.stream().filter(a -> a.status() == 201).count();
        deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (responses(lead.send(probe)) < responsesBefore + warmAccepted) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the warm-up answers did not reach the dashboard within 2 minutes");
            }
            Thread.sleep(200);
        }
        long base = responses(lead.send(probe));

        progress.say("  %,d answers at %d/s for %d s, POST /api/v1/feedback, polling the agency dashboard of %s", timed,
                answersPerSec, seconds, day);
        List<Poll> polls = new ArrayList<>();
        Latencies pollTimes = new Latencies(1_000_000);
        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicLong expected = new AtomicLong(Long.MAX_VALUE);
        Thread poller = new Thread(() -> {
            long doneSending = Long.MAX_VALUE;
            try {
                while (true) {
                    long t0 = System.nanoTime();
                    long shown = responses(lead.send(probe)) - base;
                    long at = System.nanoTime();
                    if (pollTimes.count() < 1_000_000) {
                        pollTimes.add(at - t0);
                    }
                    synchronized (polls) {
                        polls.add(new Poll(at, shown));
                    }
                    if (shown >= expected.get()) {
                        return;
                    }
                    if (!sending.get()) {
                        doneSending = Math.min(doneSending, at);
                        if (at - doneSending > TimeUnit.SECONDS.toNanos(60)) {
                            return;
                        }
                    }
                }
            }
            catch (Exception e) {
                progress.say("  dashboard poll failed: %s", e.getMessage());
            }
        }, "answer-freshness-poller");
        poller.start();
        List<Answer> answers = send(tokens.subList(warmUp, warmUp + timed), answersPerSec);
        long accepted = answers.stream().filter(a -> a.status() == 201).count();
        expected.set(accepted);
        sending.set(false);
        poller.join();

        List<Poll> seen;
        synchronized (polls) {
            seen = List.copyOf(polls);
        }
        List<Answer> inOrder = answers.stream().filter(a -> a.status() == 201)
                .sorted(Comparator.comparingLong(Answer::answered)).toList();
        Latencies fromSend = new Latencies(inOrder.size());
        Latencies from201 = new Latencies(inOrder.size());
        Latencies post = new Latencies(answers.size());
        answers.forEach(a -> post.add(a.answered() - a.scheduled()));
        int poll = 0;
        long visible = 0;
        for (int k = 0; k < inOrder.size(); k++) {
            while (poll < seen.size() && seen.get(poll).responses() < k + 1) {
                poll++;
            }
            if (poll == seen.size()) {
                break;
            }
            Answer answer = inOrder.get(k);
            fromSend.add(seen.get(poll).atNanos() - answer.scheduled());
            from201.add(Math.max(0, seen.get(poll).atNanos() - answer.answered()));
            visible++;
        }
        long notYetKnown = answers.stream().mapToLong(Answer::notYetKnown).sum();
        String failures = answers.stream().filter(a -> a.status() != 201)
                .collect(Collectors.groupingBy(a -> a.status() < 0 ? "I/O error" : "HTTP " + a.status(), Collectors.counting()))
                .toString();
        Result result = new Result(answersPerSec, seconds, day.toString(), timed, accepted, visible, notYetKnown, failures,
                fromSend.percentileMs(50), fromSend.percentileMs(99), fromSend.percentileMs(100), from201.percentileMs(50),
                from201.percentileMs(99), post.percentileMs(50), post.percentileMs(99), pollTimes.percentileMs(50),
                pollTimes.count(), warmUp);
        progress.say("  %,d of %,d answers accepted, %,d seen on the dashboard; POST → visible p50 %.0f ms, p99 %.0f ms "
                + "(201 → visible p50 %.0f ms, p99 %.0f ms; the POST itself p50 %.0f ms, p99 %.0f ms; a poll ~%.1f ms)",
                accepted, timed, visible, result.p50Ms(), result.p99Ms(), result.from201P50Ms(), result.from201P99Ms(),
                result.postP50Ms(), result.postP99Ms(), result.pollP50Ms());
        return result;
    }

    /** The response count the dashboard shows; a hidden one (fewer than the agency's smallest cell) is none yet. */
    private static long responses(tools.jackson.databind.JsonNode dashboard) {
        return dashboard.path("responses").asLong(0);
    }

    /** Sessions logged by the demo specialist on {@code day}, eight at a time; their feedback tokens. */
    private List<String> logSessions(LocalDate day, int count) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        Instant at = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> tokens = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                tokens.add(pool.submit(() -> {
                    String body = String.format(Locale.ROOT, """
                            {"programId":"bench-e2e-program","specialistId":"ana-rivera","participantRef":"e2e-%s-%d",\
                            "occurredAt":"%s","durationMinutes":45,"channel":"PHONE","activity":"PEER_SUPPORT",\
                            "focusAreas":["RECOVERY_GOALS"],"strengthsNoted":["persistence"],"valuesPracticed":["KINDNESS"]}""",
                            run, n, at.plusSeconds(n % 3600));
                    HttpResponse<String> answer = specialist.post(sessions, body, UUID.randomUUID().toString());
                    if (answer.statusCode() != 201) {
                        throw new IllegalStateException("session-service answered " + answer.statusCode());
                    }
                    return specialist.json(answer.body()).path("feedback").path("token").asString();
                }));
            }
            List<String> result = new ArrayList<>();
            for (Future<String> token : tokens) {
                result.add(token.get(5, TimeUnit.MINUTES));
            }
            return result;
        }
        finally {
            pool.shutdownNow();
        }
    }

    /** Sends one answer per token, open loop at {@code perSecond}; a 503 (invitation not known yet) is sent again. */
    private List<Answer> send(List<String> tokens, int perSecond) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        Map<Integer, Answer> answers = new ConcurrentHashMap<>();
        try {
            long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                long scheduled = start + i * interval;
                long wait;
                while ((wait = scheduled - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                int n = i;
                String body = answer(tokens.get(i), i);
                sent.add(pool.submit(() -> answers.put(n, post(body, scheduled))));
            }
            for (Future<?> done : sent) {
                done.get(2, TimeUnit.MINUTES);
            }
        }
        finally {
            pool.shutdownNow();
        }
        List<Answer> inOrder = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            inOrder.add(answers.get(i));
        }
        return inOrder;
    }

    private Answer post(String body, long scheduled) {
        long sent = System.nanoTime();
        int status = -1;
        int notYetKnown = 0;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                status = participants.post(feedback, body, null).statusCode();
            }
            catch (java.io.IOException e) {
                status = -1;
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (status != 503) {
                break;
            }
            notYetKnown++;
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        return new Answer(scheduled, sent, System.nanoTime(), status, notYetKnown);
    }

    private static String answer(String token, int n) {
        String ratings = RATED.stream().map(code -> "\"" + code + "\":" + (3 + (code.length() + n) % 3))
                .collect(Collectors.joining(","));
        return String.format(Locale.ROOT, "{\"token\":\"%s\",\"ratings\":{%s},\"hope\":%d,\"harm\":{\"reported\":false},"
                + "\"language\":\"en\",\"mode\":\"OWN_DEVICE\"}", token, ratings, 3 + n % 3);
    }
}
