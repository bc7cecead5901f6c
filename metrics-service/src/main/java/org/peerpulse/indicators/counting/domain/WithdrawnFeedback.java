package org.peerpulse.indicators.counting.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An answer that was counted no longer counts (its session was voided): it takes back what the answer
 * added, which the withdrawal carries. Its harm report stays an alert; only the count goes.
 *
 * @param answer the answer as it was counted, rebuilt from what the withdrawal carries
 */
public record WithdrawnFeedback(UUID eventId, ReceivedFeedback answer) implements IndicatorEvent {

    public WithdrawnFeedback {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(answer, "answer");
    }

    @Override
    public Cell cell() {
        return answer.cell();
    }

    @Override
    public Instant sessionAt() {
        return answer.sessionAt();
    }

    @Override
    public DayCounts counts() {
        return answer.counts().negated();
    }
}
