package org.peerpulse.indicators.counting.domain;

import java.util.Map;
import java.util.Optional;

/**
 * The highest offset of each topic partition already counted in one rollup. Events of a partition are
 * applied in offset order and the watermark moves in the same write as the counts, so an event at or
 * below the watermark is already in the rollup and must not be counted again.
 */
public record Watermarks(Map<SourcePartition, Long> offsets) {

    public static final Watermarks NONE = new Watermarks(Map.of());

    public Watermarks {
        offsets = Map.copyOf(offsets);
    }

    public boolean covers(SourcePosition position) {
        Long mark = offsets.get(position.partition());
        return mark != null && position.offset() <= mark;
    }

    public Optional<Long> of(SourcePartition partition) {
        return Optional.ofNullable(offsets.get(partition));
    }
}
