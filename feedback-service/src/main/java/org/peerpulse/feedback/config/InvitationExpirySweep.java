package org.peerpulse.feedback.config;

import java.time.Clock;
import org.peerpulse.feedback.persistence.InvitationExpiries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Counts invitations that expired unanswered, once a sweep interval: an expiry is a moment passing, not a
 * request, so nothing else would notice it. One cheap indexed update per interval, off the scrape path.
 */
public final class InvitationExpirySweep {

    private static final Logger log = LoggerFactory.getLogger(InvitationExpirySweep.class);

    private final InvitationExpiries expiries;
    private final FeedbackMeters meters;
    private final Clock clock;

    InvitationExpirySweep(InvitationExpiries expiries, FeedbackMeters meters, Clock clock) {
        this.expiries = expiries;
        this.meters = meters;
        this.clock = clock;
    }

    /** What each interval runs: counts what expired since the last sweep (of any instance); returns how many. */
    public long sweep() {
        long expired = expiries.noteExpired(clock.instant());
        meters.expired(expired);
        return expired;
    }

    /** On Spring's task scheduler. */
    @Scheduled(fixedDelayString = "${peerpulse.meters.invitation-expiry-sweep:1m}",
            initialDelayString = "${peerpulse.meters.invitation-expiry-sweep:1m}")
    void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            // A failed update marked nothing, so the next sweep counts it.
            log.warn("Invitation expiry sweep failed ({}); retrying at the next sweep", e.getClass().getSimpleName());
        }
    }
}
