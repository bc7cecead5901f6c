package org.peerpulse.indicators.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * An event as the facts remember it: the position it was first read at, the rollup it belongs to and what
 * it adds there. The position is what tells a redelivery of that very record (same position: decide the
 * same again, and let the rollup's watermark say whether it is already in) from a copy published again
 * at a new offset (another position: never counted).
 */
public record RecordedEvent(UUID eventId, SourcePosition position, RollupKey rollup, DayCounts counts) {

    public RecordedEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(rollup, "rollup");
        Objects.requireNonNull(counts, "counts");
    }

    /** Whether {@code consumed} is the very record this was recorded from. */
    public boolean isFrom(ConsumedEvent consumed) {
        return eventId.equals(consumed.event().eventId()) && position.equals(consumed.position());
    }
}
