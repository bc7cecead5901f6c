package org.peerpulse.bench.streams;

import java.nio.ByteBuffer;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * One rollup's counters as the peer stores them: a fixed array of longs (the same counters as metrics-service's
 * rollup document) and its serde, eight bytes a counter.
 */
final class RollupCounts {

    static final int SESSIONS = 0;
    static final int INVITATIONS = 1;
    static final int MINUTES = 2;
    static final int PEER_MINUTES = 3;
    static final int SESSIONS_WITH_STRENGTHS = 4;
    static final int RECOVERY_FOCUS_SESSIONS = 5;
    static final int RESPONSES = 6;
    static final int HARM_REPORTS = 7;
    /** Answers to an item outside the default framework's rated items: counted, not told apart. */
    static final int OTHER_ITEM_ANSWERS = 8;
    /** Five counters: how often hope was answered 1 to 5. */
    static final int HOPE = 9;
    /** Five counters per rated item, in {@link RollupIncrement#RATED} order. */
    static final int ITEMS = 14;
    static final int SIZE = ITEMS + 5 * RollupIncrement.RATED.size();

    private RollupCounts() {
    }

    /** {@code into} plus {@code increment}, in place. */
    static long[] add(long[] into, long[] increment) {
        for (int i = 0; i < SIZE; i++) {
            into[i] += increment[i];
        }
        return into;
    }

    static Serde<long[]> serde() {
        Serializer<long[]> serializer = (topic, counts) -> {
            if (counts == null) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.allocate(8 * counts.length);
            buffer.asLongBuffer().put(counts);
            return buffer.array();
        };
        Deserializer<long[]> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            long[] counts = new long[bytes.length / 8];
            ByteBuffer.wrap(bytes).asLongBuffer().get(counts);
            return counts;
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
