package org.peerpulse.indicators.counting.domain;

/** A topic partition events are read from: the unit in which offsets, and so watermarks, are ordered. */
public record SourcePartition(String topic, int partition) {

    public SourcePartition {
        if (topic == null || topic.isBlank() || partition < 0) {
            throw new IllegalArgumentException("a source partition needs a topic and a partition >= 0");
        }
    }
}
