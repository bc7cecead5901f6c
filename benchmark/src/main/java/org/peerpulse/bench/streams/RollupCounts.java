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
    private static final int RATED = RollupIncrement.RATED.size();
    /** One counter per rated item: how many forms asked it (decision 0018). */
    static final int ASKED = ITEMS + 5 * RATED;
    /** Forms that asked an item outside the default framework's rated items: counted, not told apart. */
    static final int OTHER_ASKED = ASKED + RATED;
    /** One counter per rated item: sessions whose specialist said they practiced it. */
    static final int PRACTICED_SESSIONS = OTHER_ASKED + 1;
    /** Five counters per rated item: its ratings in answers to sessions where it was practiced. */
    static final int PRACTICED_ITEMS = PRACTICED_SESSIONS + RATED;
    /** Practiced values outside the default framework's rated items (sessions and ratings): not told apart. */
    static final int OTHER_PRACTICED = PRACTICED_ITEMS + 5 * RATED;
    /**
     * One block per collection mode ({@link RollupIncrement#MODES} order), each laid out as {@link #MODE_HOPE},
     * {@link #MODE_ITEMS}, {@link #MODE_OTHER_ITEM_ANSWERS} from the block's start.
     */
    static final int MODES = OTHER_PRACTICED + 1;
    /** Within a mode's block: five counters, how often hope was answered 1 to 5 in that mode. */
    static final int MODE_HOPE = 0;
    /** Within a mode's block: five counters per rated item. */
    static final int MODE_ITEMS = 5;
    /** Within a mode's block: answers to an item outside the rated items. */
    static final int MODE_OTHER_ITEM_ANSWERS = MODE_ITEMS + 5 * RATED;
    static final int MODE_BLOCK = MODE_OTHER_ITEM_ANSWERS + 1;
    static final int SIZE = MODES + MODE_BLOCK * RollupIncrement.MODES.size();

    /** Where mode {@code mode}'s block begins. */
    static int mode(int mode) {
        return MODES + MODE_BLOCK * mode;
    }

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
