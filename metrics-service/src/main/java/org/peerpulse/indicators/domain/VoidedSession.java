package org.peerpulse.indicators.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A session was withdrawn. It adds nothing of its own: what it takes out (the session and every feedback
 * counted for it) comes from the facts, not from this event, so it is exactly what was put in.
 */
public record VoidedSession(UUID eventId, String sessionId, Cell cell, Instant sessionAt) implements IndicatorEvent {

    public VoidedSession {
        Objects.requireNonNull(eventId, "eventId");
        Cell.requireId(sessionId, "sessionId");
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(sessionAt, "sessionAt");
    }

    @Override
    public DayCounts counts() {
        return DayCounts.NONE;
    }
}
