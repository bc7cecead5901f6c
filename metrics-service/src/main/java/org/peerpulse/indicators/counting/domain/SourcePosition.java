package org.peerpulse.indicators.counting.domain;

/** Where an event was read: its topic partition and offset. */
public record SourcePosition(SourcePartition partition, long offset) {

    public static SourcePosition of(String topic, int partition, long offset) {
        return new SourcePosition(new SourcePartition(topic, partition), offset);
    }
}
