package org.peerpulse.platform.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How audit records get from the request to the store ({@link AuditWriter}).
 *
 * @param flushInterval how often the writer takes what is queued to the store (default 100 ms): how long a
 *     record may take to show in {@code GET /api/v1/audit}, and the first back-off while the store is away
 * @param batchSize the most records one write carries (default 1,000); a queue holding that many wakes the
 *     writer before its interval is up
 * @param queueCapacity how many records may wait for the writer (default 10,000, a few MB); the queue only
 *     fills while the store is away or slower than the requests
 * @param enqueueTimeout how long a request waits for room in a full queue before it writes its own record
 *     (default 1 s)
 * @param stopTimeout how long a stop keeps trying to write what is queued while the store does not answer
 *     (default 10 s, inside the shutdown budget of {@code docs/operations.md}); what is still queued then is
 *     logged and counted as not written
 */
@ConfigurationProperties("peerpulse.audit")
record AuditProperties(Duration flushInterval, Integer batchSize, Integer queueCapacity, Duration enqueueTimeout,
        Duration stopTimeout) {

    AuditProperties {
        flushInterval = flushInterval == null ? Duration.ofMillis(100) : flushInterval;
        batchSize = batchSize == null ? 1_000 : batchSize;
        queueCapacity = queueCapacity == null ? 10_000 : queueCapacity;
        enqueueTimeout = enqueueTimeout == null ? Duration.ofSeconds(1) : enqueueTimeout;
        stopTimeout = stopTimeout == null ? Duration.ofSeconds(10) : stopTimeout;
        if (!isPositive(flushInterval) || !isPositive(stopTimeout) || enqueueTimeout.isNegative()) {
            throw new IllegalArgumentException("peerpulse.audit.flush-interval and stop-timeout must be positive, "
                    + "enqueue-timeout not negative");
        }
        if (batchSize < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("peerpulse.audit.batch-size and queue-capacity must be at least 1");
        }
    }

    private static boolean isPositive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
