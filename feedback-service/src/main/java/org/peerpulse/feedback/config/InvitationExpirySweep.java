package org.peerpulse.feedback.config;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.peerpulse.feedback.persistence.InvitationExpiries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Counts invitations that expired unanswered, once a sweep interval: an expiry is a moment passing, not a
 * request, so nothing else would notice it. One cheap indexed update per interval, off the scrape path.
 */
public final class InvitationExpirySweep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InvitationExpirySweep.class);

    private final InvitationExpiries expiries;
    private final FeedbackMeters meters;
    private final Clock clock;
    private final Duration interval;
    private ScheduledExecutorService executor;
    private volatile boolean running;

    InvitationExpirySweep(InvitationExpiries expiries, FeedbackMeters meters, Clock clock, Duration interval) {
        this.expiries = expiries;
        this.meters = meters;
        this.clock = clock;
        this.interval = interval;
    }

    /** What each interval runs: counts what expired since the last sweep (of any instance); returns how many. */
    public long sweep() {
        long expired = expiries.noteExpired(clock.instant());
        meters.expired(expired);
        return expired;
    }

    @Override
    public void start() {
        expiries.createIndex();
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "invitation-expiry-sweep");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::sweepQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        running = true;
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            // A failed update marked nothing, so the next sweep counts it.
            log.warn("Invitation expiry sweep failed ({}); retrying in {}", e.getClass().getSimpleName(), interval);
        }
    }

    @Override
    public void stop() {
        running = false;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
