package org.peerpulse.indicators.alerts.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What happens after one webhook request. A 2xx delivers. A network error, a timeout, a 5xx, a 408 or a 429
 * is tried again after an exponential backoff ({@code firstRetry} doubled per attempt, at most
 * {@code maxRetry}) with jitter (a random half of it taken off, so receivers that failed together are not
 * retried together), or after the receiver's {@code Retry-After} when that is longer. Any other answer (a 4xx
 * such as 401 or 404, or a redirect, which is not followed) is tried {@code clientErrorAttempts} times in all
 * in case a misconfiguration is fixed, then given up. Nothing is retried past {@code giveUpAfter} from the
 * alert's opening: a notification that late no longer helps, and the alert is in the inbox anyway.
 */
public record DeliveryPolicy(Duration firstRetry, Duration maxRetry, Duration giveUpAfter, int clientErrorAttempts) {

    public DeliveryPolicy {
        Objects.requireNonNull(firstRetry, "firstRetry");
        Objects.requireNonNull(maxRetry, "maxRetry");
        Objects.requireNonNull(giveUpAfter, "giveUpAfter");
        if (firstRetry.isNegative() || firstRetry.isZero() || maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("the first retry is positive and not longer than the longest");
        }
        if (clientErrorAttempts < 1) {
            throw new IllegalArgumentException("clientErrorAttempts is at least 1");
        }
    }

    /**
     * One request's answer.
     *
     * @param status the HTTP status, or {@code null} when no answer came (connection refused, timeout)
     * @param retryAfter the receiver's {@code Retry-After}, or {@code null}
     */
    public record Answer(Integer status, Duration retryAfter) {

        public static Answer none() {
            return new Answer(null, null);
        }

        public boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }

        boolean worthRetrying() {
            return status == null || status >= 500 || status == 429 || status == 408;
        }
    }

    /**
     * @param current the delivery as claimed, before this request
     * @param openedAt when the alert opened: the bound on retries counts from it
     * @param jitter a random number in [0, 1)
     */
    public Delivery after(Delivery current, Instant openedAt, Answer answer, Instant now, double jitter) {
        int attempts = current.attempts() + 1;
        if (answer.delivered()) {
            return new Delivery(DeliveryState.DELIVERED, attempts, null, answer.status(), now);
        }
        boolean retry = answer.worthRetrying();
        if (!retry && attempts >= clientErrorAttempts) {
            return failed(attempts, answer, now);
        }
        Duration delay = backoff(attempts, jitter);
        if (retry && answer.retryAfter() != null && answer.retryAfter().compareTo(delay) > 0) {
            delay = answer.retryAfter();
        }
        Instant next = now.plus(delay);
        if (next.isAfter(openedAt.plus(giveUpAfter))) {
            return failed(attempts, answer, now);
        }
        return new Delivery(DeliveryState.PENDING, attempts, next, answer.status(), now);
    }

    /** Full backoff for the {@code attempts}-th failure, less up to half of it at random. */
    Duration backoff(int attempts, double jitter) {
        long millis = firstRetry.toMillis();
        for (int i = 1; i < attempts && millis < maxRetry.toMillis(); i++) {
            millis *= 2;
        }
        millis = Math.min(millis, maxRetry.toMillis());
        return Duration.ofMillis(Math.round(millis * (1 - jitter / 2)));
    }

    private static Delivery failed(int attempts, Answer answer, Instant now) {
        return new Delivery(DeliveryState.FAILED, attempts, null, answer.status(), now);
    }
}
