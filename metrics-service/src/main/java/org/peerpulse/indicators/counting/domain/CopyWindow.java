package org.peerpulse.indicators.counting.domain;

import java.util.OptionalLong;
import java.util.UUID;

/**
 * The ids of the last {@code capacity} events read from one partition, each with the offset it was first
 * read at: what tells an event read again at the same offset (a redelivery, which the rollups' watermarks
 * deal with) from a copy of it at a new offset (the outbox relay published it again after a crash between
 * the broker's acknowledgement and clearing its entry), which must not count at all. Decision 0010 says
 * why the window is a number of events and how large it is.
 *
 * <p>Kept compact because it holds every recent event: the ids and offsets in three rings of primitives,
 * found through an open-addressing table of ring positions (about 34 bytes an event).
 */
public final class CopyWindow {

    /** What reading an event at an offset means. */
    public enum Sighting {
        /** Not in the window: count it, and remember it. */
        FIRST,
        /** Read before at this very offset: a redelivery; the rollups' watermarks say whether it is in. */
        AGAIN,
        /** Read before at another offset: a copy, never counted. */
        COPY
    }

    private final int capacity;
    private final long[] mostSignificant;
    private final long[] leastSignificant;
    private final long[] offsets;
    private final int[] table;
    private final int mask;
    private int next;
    private int size;
    private long prunedBelow = -1;

    public CopyWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a copy window holds at least one event");
        }
        this.capacity = capacity;
        this.mostSignificant = new long[capacity];
        this.leastSignificant = new long[capacity];
        this.offsets = new long[capacity];
        this.table = new int[Integer.highestOneBit(capacity * 2 - 1) << 1];
        this.mask = table.length - 1;
    }

    /** Reads {@code eventId} at {@code offset}, remembering it if it is new (and forgetting the oldest when full). */
    public Sighting read(UUID eventId, long offset) {
        int found = find(eventId);
        if (found >= 0) {
            return offsets[found] == offset ? Sighting.AGAIN : Sighting.COPY;
        }
        if (size == capacity) {
            remove(next);
        } else {
            size++;
        }
        mostSignificant[next] = eventId.getMostSignificantBits();
        leastSignificant[next] = eventId.getLeastSignificantBits();
        offsets[next] = offset;
        int index = home(mostSignificant[next], leastSignificant[next]);
        while (table[index] != 0) {
            index = (index + 1) & mask;
        }
        table[index] = next + 1;
        next = (next + 1) % capacity;
        return Sighting.FIRST;
    }

    /** How many events it remembers. */
    public int size() {
        return size;
    }

    /**
     * The offset below which a stored copy of this window is no longer needed, once the window has moved on
     * by half its size since the last time this answered; empty otherwise, so pruning stays rare.
     */
    public OptionalLong pruneBelow() {
        if (size < capacity) {
            return OptionalLong.empty();
        }
        long oldest = offsets[next];
        if (prunedBelow >= 0 && oldest - prunedBelow < capacity / 2) {
            return OptionalLong.empty();
        }
        prunedBelow = oldest;
        return OptionalLong.of(oldest);
    }

    private int find(UUID eventId) {
        long most = eventId.getMostSignificantBits();
        long least = eventId.getLeastSignificantBits();
        for (int index = home(most, least); table[index] != 0; index = (index + 1) & mask) {
            int slot = table[index] - 1;
            if (mostSignificant[slot] == most && leastSignificant[slot] == least) {
                return slot;
            }
        }
        return -1;
    }

    /** Takes ring position {@code slot} out of the table, shifting back what probed past it. */
    private void remove(int slot) {
        int hole = home(mostSignificant[slot], leastSignificant[slot]);
        while (table[hole] != slot + 1) {
            hole = (hole + 1) & mask;
        }
        table[hole] = 0;
        for (int index = (hole + 1) & mask; table[index] != 0; index = (index + 1) & mask) {
            int moved = table[index] - 1;
            int home = home(mostSignificant[moved], leastSignificant[moved]);
            boolean staysPut = hole <= index ? hole < home && home <= index : hole < home || home <= index;
            if (!staysPut) {
                table[hole] = table[index];
                table[index] = 0;
                hole = index;
            }
        }
    }

    private int home(long most, long least) {
        long mixed = (most ^ least) * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> 32) & mask;
    }
}
