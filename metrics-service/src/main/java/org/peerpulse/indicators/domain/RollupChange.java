package org.peerpulse.indicators.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one write a batch makes to one rollup: add {@code increment} and move the watermarks to
 * {@code next}, but only if the rollup's watermarks are still {@code expected}; if another writer moved
 * them in between, the change is recomputed from what that writer left.
 *
 * @param events how many events the increment counts
 */
public record RollupChange(RollupKey key, Watermarks expected, Watermarks next, DayCounts increment, int events) {

    /**
     * Plans the change for the events of one rollup given its current watermarks, leaving out every
     * event it already counts; empty when nothing is new.
     */
    public static Optional<RollupChange> plan(RollupKey key, Watermarks current,
            List<ConsumedEvent> events) {
        DayCounts increment = DayCounts.NONE;
        Watermarks next = current;
        int counted = 0;
        for (ConsumedEvent consumed : events) {
            if (current.covers(consumed.position())) {
                continue;
            }
            increment = increment.plus(consumed.event().counts());
            next = next.advancedTo(consumed.position());
            counted++;
        }
        return counted == 0 ? Optional.empty() : Optional.of(new RollupChange(key, current, next, increment, counted));
    }

    /** The partitions whose watermark this change moves, and where to: what the write must guard. */
    public Map<SourcePartition, Long> advanced() {
        Map<SourcePartition, Long> moved = new HashMap<>();
        next.offsets().forEach((partition, offset) -> {
            if (!expected.of(partition).equals(Optional.of(offset))) {
                moved.put(partition, offset);
            }
        });
        return moved;
    }
}
