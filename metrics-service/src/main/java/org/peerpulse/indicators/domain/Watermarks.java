package org.peerpulse.indicators.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one rollup already holds of each source, as read before a write. Events of a partition are applied
 * in offset order and the watermark moves in the same write as the counts, so an event at or below the
 * watermark is already in the rollup and must not be counted again.
 *
 * @param offsets the highest offset counted, per topic partition
 * @param writes how many writes each topic has made to the rollup: the next write from that topic goes
 *     through only while this is still the number (see {@link RollupChange}); a topic that never wrote is absent
 */
public record Watermarks(Map<SourcePartition, Long> offsets, Map<String, Long> writes) {

    public static final Watermarks NONE = new Watermarks(Map.of());

    public Watermarks {
        offsets = Map.copyOf(offsets);
        writes = Map.copyOf(writes);
    }

    /** Offsets alone: a rollup no topic has written to under a write count yet. */
    public Watermarks(Map<SourcePartition, Long> offsets) {
        this(offsets, Map.of());
    }

    public boolean covers(SourcePosition position) {
        Long mark = offsets.get(position.partition());
        return mark != null && position.offset() <= mark;
    }

    public Optional<Long> of(SourcePartition partition) {
        return Optional.ofNullable(offsets.get(partition));
    }

    /** How many writes {@code topic} has made to the rollup as read; 0 when none. */
    public long writesFrom(String topic) {
        return writes.getOrDefault(topic, 0L);
    }

    /** The offsets moved on to {@code position}; the write counts stay those that were read. */
    public Watermarks advancedTo(SourcePosition position) {
        Map<SourcePartition, Long> next = new HashMap<>(offsets);
        next.merge(position.partition(), position.offset(), Math::max);
        return new Watermarks(next, writes);
    }
}
