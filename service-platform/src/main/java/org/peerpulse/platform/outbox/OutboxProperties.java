package org.peerpulse.platform.outbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param collections the Mongo collections whose documents carry an outbox; none means no relay runs
 * @param pollInterval how often the relay looks for pending events
 * @param batchSize how many documents one poll handles: their entries are sent together, the producer flushed
 *     once and the acknowledged ones cleared in one bulk write
 * @param source the CloudEvents {@code ce_source} of this service's events
 * @param sendTimeout how long the relay waits for the broker to acknowledge one poll's events before it
 *     clears what was acknowledged, backs off and tries again (default 15 s); the sends themselves are not
 *     abandoned
 * @param leaseDuration how long the lease that lets one relay instance publish a collection lasts unless
 *     renewed (default 10 s). The holder renews it every poll and every third of it while waiting for the
 *     broker; another instance takes over only once it has run out, which is how long publishing pauses
 *     after a holder dies without releasing it. At least three poll intervals
 */
@ConfigurationProperties("peerpulse.outbox")
public record OutboxProperties(List<String> collections, Duration pollInterval, Integer batchSize, String source,
        Duration sendTimeout, Duration leaseDuration) {

    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        pollInterval = pollInterval == null ? Duration.ofMillis(100) : pollInterval;
        batchSize = batchSize == null ? 200 : batchSize;
        source = source == null ? "/peerpulse" : source;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(15) : sendTimeout;
        leaseDuration = leaseDuration == null ? Duration.ofSeconds(10) : leaseDuration;
        if (leaseDuration.compareTo(pollInterval.multipliedBy(3)) < 0) {
            // Renewed once a poll: a lease shorter than a few polls would lapse between them and pass from
            // instance to instance while sends are still under way.
            throw new IllegalArgumentException("peerpulse.outbox.lease-duration (" + leaseDuration
                    + ") must be at least three poll intervals (" + pollInterval + ")");
        }
    }
}
