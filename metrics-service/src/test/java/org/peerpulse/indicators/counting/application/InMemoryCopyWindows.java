package org.peerpulse.indicators.counting.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.peerpulse.indicators.counting.domain.CopyWindows;
import org.peerpulse.indicators.counting.domain.FirstRead;
import org.peerpulse.indicators.counting.domain.SourcePartition;

/** The stored copy windows in a map; counts its writes, as each should be one per partition and batch. */
public class InMemoryCopyWindows implements CopyWindows {

    final Map<SourcePartition, List<FirstRead>> stored = new HashMap<>();
    int writes;

    @Override
    public List<FirstRead> of(SourcePartition partition) {
        return List.copyOf(stored.getOrDefault(partition, List.of()));
    }

    @Override
    public void add(SourcePartition partition, List<FirstRead> firstReads) {
        writes++;
        stored.computeIfAbsent(partition, key -> new ArrayList<>()).addAll(firstReads);
    }

    @Override
    public void forgetBelow(SourcePartition partition, long offset) {
        stored.getOrDefault(partition, new ArrayList<>()).removeIf(read -> read.offset() < offset);
    }
}
