package org.peerpulse.indicators.counting.domain;

import java.util.List;

/**
 * The stored copy of each partition's {@link CopyWindow}, so that a restarted or newly assigned consumer
 * still recognises copies of events read before it: one write per partition and batch, never per event.
 */
public interface CopyWindows {

    /** Every stored first read of the partition, in offset order. */
    List<FirstRead> of(SourcePartition partition);

    /** Adds the events a batch read for the first time; written before the rollups they count in. */
    void add(SourcePartition partition, List<FirstRead> firstReads);

    /** Forgets what lies wholly below {@code offset}: the window no longer holds it. */
    void forgetBelow(SourcePartition partition, long offset);
}
