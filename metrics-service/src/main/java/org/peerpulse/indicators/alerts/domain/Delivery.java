package org.peerpulse.indicators.alerts.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The webhook notification of one alert, kept on the alert itself (an outbox inside the document): written in
 * the same insert that opens the alert, so an alert is never stored without its notification or sent without
 * being stored.
 *
 * @param attempts requests sent so far
 * @param nextAttemptAt when a pending notification is due; {@code null} once it is not pending
 * @param lastStatus the HTTP status of the last answer; {@code null} before any or after a network error
 * @param lastAttemptAt when the last request was sent; {@code null} before any
 */
public record Delivery(DeliveryState state, int attempts, Instant nextAttemptAt, Integer lastStatus,
        Instant lastAttemptAt) {

    public Delivery {
        Objects.requireNonNull(state, "state");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts is 0 or more");
        }
        if ((state == DeliveryState.PENDING) != (nextAttemptAt != null)) {
            throw new IllegalArgumentException("a pending delivery, and only one, has a next attempt");
        }
    }

    /** What an alert opened at {@code at} starts with: due now if the agency set a webhook, else nothing to do. */
    public static Delivery opening(String webhookUrl, Instant at) {
        return webhookUrl == null ? notConfigured()
                : new Delivery(DeliveryState.PENDING, 0, at, null, null);
    }

    public static Delivery notConfigured() {
        return new Delivery(DeliveryState.NOT_CONFIGURED, 0, null, null, null);
    }

    public boolean isPending() {
        return state == DeliveryState.PENDING;
    }
}
