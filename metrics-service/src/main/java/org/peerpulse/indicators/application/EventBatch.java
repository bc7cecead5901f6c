package org.peerpulse.indicators.application;

import java.util.List;

import org.peerpulse.indicators.domain.ConsumedEvent;

/** The readable events of one consumed batch, in the order they were read. */
public record EventBatch(List<ConsumedEvent> events) {

    public EventBatch {
        events = List.copyOf(events);
    }
}
