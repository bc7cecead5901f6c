package org.peerpulse.bench;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import tools.jackson.databind.JsonNode;

/**
 * Write → visible on a dashboard, at a steady rate: an open-loop producer sends sessions and their feedback
 * on a fixed schedule (as the outbox relay sends), while one client polls the agency dashboard of a window
 * only these events fall in. All of an agency's events are in one partition per topic and applied in
 * order, so the k-th session is visible once the dashboard counts k; its freshness is the time of the first
 * answer that counted it minus the time it was scheduled to be written. Measured from the schedule, a
 * producer that falls behind cannot hide the delay (no coordinated omission); taken at the answer's
 * arrival, the figure errs by at most one poll on the late side.
 */
final class Freshness {

    record Result(int eventsPerSec, double seconds, long events, long seen, double p50Ms, double p99Ms, double maxMs,
            double pollP50Ms, long polls) {
    }

    private record Poll(long atNanos, long sessions, long responses) {
    }

    Result run(String bootstrap, StackApi api, SyntheticMonth month, int eventsPerSec, int seconds, Progress progress)
            throws Exception {
        HttpRequest probe = api.dashboard("/api/v1/dashboards/agency", month.firstDay(), month.lastDay(), "month");
        JsonNode before = api.send(probe);
        long baseSessions = before.path("sessions").asLong();
        long baseResponses = before.path("responses").asLong(0);
        int pairs = eventsPerSec / 2 * seconds;
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / (eventsPerSec / 2);
        long[] scheduled = new long[pairs];
        List<Poll> polls = new ArrayList<>();
        Latencies pollTimes = new Latencies(500_000);
        AtomicBoolean producing = new AtomicBoolean(true);
        Thread poller = new Thread(() -> {
            long lastDrain = Long.MAX_VALUE;
            try {
                while (true) {
                    long sent = System.nanoTime();
                    JsonNode now = api.send(probe);
                    long at = System.nanoTime();
                    pollTimes.add(at - sent);
                    Poll poll = new Poll(at, now.path("sessions").asLong() - baseSessions,
                            now.path("responses").asLong(0) - baseResponses);
                    synchronized (polls) {
                        polls.add(poll);
                    }
                    if (poll.sessions() >= pairs && poll.responses() >= pairs) {
                        return;
                    }
                    if (!producing.get()) {
                        lastDrain = Math.min(lastDrain, at);
                        if (at - lastDrain > TimeUnit.SECONDS.toNanos(60)) {
                            return;
                        }
                    }
                }
            }
            catch (Exception e) {
                progress.say("  dashboard poll failed: %s", e.getMessage());
            }
        }, "freshness-poller");
        progress.say("Freshness: %,d events/s for %d s (%,d sessions and their feedback), polling the dashboard",
                eventsPerSec, seconds, pairs);
        try (KafkaLoad load = new KafkaLoad(bootstrap, KafkaLoad.RELAY_PRODUCER_PROPS)) {
            poller.start();
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
            for (int i = 0; i < pairs; i++) {
                scheduled[i] = start + i * intervalNanos;
                long wait;
                while ((wait = scheduled[i] - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                load.send(month.session(i));
                if (i > 0 && i % (eventsPerSec / 2 * 5) == 0) {
                    synchronized (polls) {
                        Poll last = polls.isEmpty() ? null : polls.get(polls.size() - 1);
                        progress.say("  sent %,d events, dashboard shows %,d", 2L * i,
                                last == null ? 0 : last.sessions() + last.responses());
                    }
                }
            }
            load.flush();
            if (load.sentAgain() > 0) {
                progress.say("  %,d events sent again after the broker refused a send (their freshness includes it)",
                        load.sentAgain());
            }
        }
        producing.set(false);
        poller.join();
        List<Poll> seen;
        synchronized (polls) {
            seen = List.copyOf(polls);
        }
        Latencies fresh = new Latencies(2 * pairs);
        long visible = 0;
        int sessionPoll = 0;
        int responsePoll = 0;
        for (int k = 0; k < pairs; k++) {
            while (sessionPoll < seen.size() && seen.get(sessionPoll).sessions() < k + 1) {
                sessionPoll++;
            }
            if (sessionPoll < seen.size()) {
                fresh.add(seen.get(sessionPoll).atNanos() - scheduled[k]);
                visible++;
            }
            while (responsePoll < seen.size() && seen.get(responsePoll).responses() < k + 1) {
                responsePoll++;
            }
            if (responsePoll < seen.size()) {
                // The feedback was sent right after its session, in the same scheduled slot.
                fresh.add(seen.get(responsePoll).atNanos() - scheduled[k]);
                visible++;
            }
        }
        Result result = new Result(eventsPerSec, seconds, 2L * pairs, visible, fresh.percentileMs(50),
                fresh.percentileMs(99), fresh.percentileMs(100), pollTimes.percentileMs(50), pollTimes.count());
        progress.say("  %,d of %,d events seen on the dashboard; freshness p50 %.0f ms, p99 %.0f ms (poll every ~%.1f ms)",
                visible, result.events(), result.p50Ms(), result.p99Ms(), result.pollP50Ms());
        return result;
    }
}
