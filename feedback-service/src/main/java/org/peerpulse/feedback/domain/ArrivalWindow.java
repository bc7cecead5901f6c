package org.peerpulse.feedback.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long after a token was issued its invitation may still be on its way here. session-service
 * answers the specialist before its {@code SessionLogged} has crossed Kafka, so a quick participant can
 * arrive first; an unknown token issued within {@code window} of now (and not implausibly far in the
 * future, allowing {@code clockSkew} between the two services' clocks) is "not yet known", not unknown.
 * Older or future tokens stay unknown, so the window cannot be used to make a guessed token look real.
 */
public record ArrivalWindow(Duration window, Duration clockSkew) {

    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(1);

    public ArrivalWindow {
        Objects.requireNonNull(window, "window is required");
        Objects.requireNonNull(clockSkew, "clockSkew is required");
        if (window.isNegative() || clockSkew.isNegative()) {
            throw new IllegalArgumentException("window and clockSkew must not be negative");
        }
    }

    /** Whether the invitation of a token this service does not know may still arrive. */
    public boolean mayStillArrive(InvitationToken token, Instant now) {
        Instant issued = token.issuedAt();
        return !issued.isBefore(now.minus(window)) && !issued.isAfter(now.plus(clockSkew));
    }
}
