package org.peerpulse.indicators.counting.application;

import java.util.Set;

import org.peerpulse.indicators.counting.domain.SourcePosition;

/**
 * What applying a batch did.
 *
 * @param counted where the events whose change was newly written were read (not a redelivered event, a
 *     copy at a new offset, or feedback for a voided session); so an adapter can tell how fresh each was
 * @param rollupsWritten rollup documents written, at most one per rollup and batch
 * @param retries rollups that had to be recomputed because another writer moved their watermark first
 */
public record AppliedBatch(Set<SourcePosition> counted, int rollupsWritten, int retries) {

    public static final AppliedBatch NOTHING = new AppliedBatch(Set.of(), 0, 0);

    public AppliedBatch {
        counted = Set.copyOf(counted);
    }

    /** How many events were newly counted. */
    public int eventsCounted() {
        return counted.size();
    }
}
