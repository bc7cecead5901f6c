package org.peerpulse.indicators.counting.domain;

import java.util.Objects;

/** An indicator event together with where it was read, which is what makes re-reading it harmless. */
public record ConsumedEvent(SourcePosition position, IndicatorEvent event) {

    public ConsumedEvent {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(event, "event");
    }
}
