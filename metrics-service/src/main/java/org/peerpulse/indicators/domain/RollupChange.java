package org.peerpulse.indicators.domain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one write a batch makes to one rollup: add {@code increment} and move the watermarks to
 * {@code next}, but only if the rollup's watermarks are still {@code expected}; if another writer moved
 * them in between, the change is recomputed from what that writer left.
 *
 * @param counted the positions of the events whose contributions the increment holds
 */
public record RollupChange(RollupKey key, Watermarks expected, Watermarks next, DayCounts increment,
        Set<SourcePosition> counted) {

    public RollupChange {
        counted = Set.copyOf(counted);
    }

    /**
     * Plans the change for the contributions to one rollup given its current watermarks, leaving out
     * every one it already holds; empty when nothing is new.
     */
    public static Optional<RollupChange> plan(RollupKey key, Watermarks current, List<Contribution> contributions) {
        DayCounts increment = DayCounts.NONE;
        Watermarks next = current;
        Set<SourcePosition> counted = new HashSet<>();
        for (Contribution contribution : contributions) {
            if (!contribution.rollup().equals(key)) {
                throw new IllegalArgumentException("a contribution to another rollup");
            }
            if (current.covers(contribution.position())) {
                continue;
            }
            increment = increment.plus(contribution.increment());
            next = next.advancedTo(contribution.position());
            counted.add(contribution.position());
        }
        return counted.isEmpty() ? Optional.empty()
                : Optional.of(new RollupChange(key, current, next, increment, counted));
    }

    /** How many events this change counts. */
    public int events() {
        return counted.size();
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
