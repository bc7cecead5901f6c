package org.peerpulse.indicators.domain;

import java.util.Objects;

/**
 * A feedback as first read, kept by its event id: which session it answers and what it adds to which
 * rollup, so that a void of that session can take out exactly that.
 */
public record FeedbackFact(SessionRef session, RecordedEvent event) {

    public FeedbackFact {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(event, "event");
    }

    public static FeedbackFact of(ConsumedEvent consumed, RollupKey rollup) {
        IndicatorEvent event = consumed.event();
        return new FeedbackFact(event.session(),
                new RecordedEvent(event.eventId(), consumed.position(), rollup, event.counts()));
    }
}
