package org.peerpulse.indicators.counting.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A session was withdrawn: it takes back what the session added, which the void carries. The answers
 * given for it are taken back by their own withdrawals, on the feedback stream.
 *
 * @param session the session as it was counted, rebuilt from what the void carries
 */
public record VoidedSession(UUID eventId, LoggedSession session) implements IndicatorEvent {

    public VoidedSession {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(session, "session");
    }

    @Override
    public Cell cell() {
        return session.cell();
    }

    @Override
    public Instant sessionAt() {
        return session.sessionAt();
    }

    @Override
    public DayCounts counts() {
        return session.counts().negated();
    }
}
