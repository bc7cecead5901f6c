package org.peerpulse.indicators.counting.domain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one write a batch makes to one rollup: add {@code increment} and move each partition's watermark to
 * {@code through}, but only where the stored watermark is still below {@code from}, the lowest offset this
 * change counts in that partition. Offsets of a partition reach a rollup in order, so a watermark below
 * {@code from} means nothing in the change is in yet; anything else (a redelivery, another writer that got
 * there first) refuses the write, and the change is planned again on the watermarks as they now are.
 * Nothing is read before the first write: a batch normally meets rollups its partitions' earlier batches
 * left, and only a redelivery pays for a read.
 *
 * @param from per partition, the lowest offset counted here: what the write guards
 * @param through per partition, the highest offset counted here: where the watermark moves
 * @param counted the positions of the events whose contributions the increment holds
 */
public record RollupChange(RollupKey key, Map<SourcePartition, Long> from, Map<SourcePartition, Long> through,
        DayCounts increment, Set<SourcePosition> counted) {

    public RollupChange {
        from = Map.copyOf(from);
        through = Map.copyOf(through);
        counted = Set.copyOf(counted);
    }

    /**
     * Plans the change for the contributions to one rollup, leaving out every one that {@code known}
     * watermarks already cover ({@link Watermarks#NONE} when nothing was read); empty when nothing is new.
     */
    public static Optional<RollupChange> plan(RollupKey key, Watermarks known, List<Contribution> contributions) {
        DayCounts.Sum increment = DayCounts.sum();
        Map<SourcePartition, Long> from = new HashMap<>();
        Map<SourcePartition, Long> through = new HashMap<>();
        Set<SourcePosition> counted = new HashSet<>();
        for (Contribution contribution : contributions) {
            if (!contribution.rollup().equals(key)) {
                throw new IllegalArgumentException("a contribution to another rollup");
            }
            SourcePosition position = contribution.position();
            if (known.covers(position)) {
                continue;
            }
            increment.add(contribution.increment());
            from.merge(position.partition(), position.offset(), Math::min);
            through.merge(position.partition(), position.offset(), Math::max);
            counted.add(position);
        }
        return counted.isEmpty() ? Optional.empty()
                : Optional.of(new RollupChange(key, from, through, increment.total(), counted));
    }

    /** Whether a rollup whose watermarks are {@code stored} takes this change as it is. */
    public boolean fits(Watermarks stored) {
        return from.entrySet().stream().allMatch(guard -> stored.of(guard.getKey())
                .map(mark -> mark < guard.getValue()).orElse(true));
    }

    /** How many events this change counts. */
    public int events() {
        return counted.size();
    }
}
