package org.peerpulse.indicators.counting.application;

import java.util.List;

import org.peerpulse.indicators.counting.domain.ConsumedEvent;

/** The readable events of one consumed batch, in the order they were read. */
public record EventBatch(List<ConsumedEvent> events) {

    public EventBatch {
        events = List.copyOf(events);
    }
}
