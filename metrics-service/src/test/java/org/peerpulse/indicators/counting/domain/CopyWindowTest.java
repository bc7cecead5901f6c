package org.peerpulse.indicators.counting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.EventIds;
import org.peerpulse.indicators.counting.domain.CopyWindow.Sighting;

class CopyWindowTest {

    @Test
    void tellsAFirstReadARedeliveryAndACopyApart() {
        CopyWindow window = new CopyWindow(10);
        UUID id = EventIds.newId();

        assertThat(window.read(id, 7)).isEqualTo(Sighting.FIRST);
        assertThat(window.read(id, 7)).isEqualTo(Sighting.AGAIN);
        assertThat(window.read(id, 12)).isEqualTo(Sighting.COPY);
        assertThat(window.read(id, 7)).as("the copy did not replace the first read").isEqualTo(Sighting.AGAIN);
        assertThat(window.size()).isEqualTo(1);
    }

    @Test
    void remembersExactlyTheLastCapacityEventsWhateverTheyCollideOn() {
        // Against a plain map and queue, over many evictions; ids that share their home slot included.
        int capacity = 64;
        CopyWindow window = new CopyWindow(capacity);
        Map<UUID, Long> model = new HashMap<>();
        Deque<UUID> order = new ArrayDeque<>();
        Random random = new Random(13);
        for (long offset = 0; offset < 20_000; offset++) {
            UUID id = random.nextInt(4) == 0 && !order.isEmpty()
                    ? order.toArray(UUID[]::new)[random.nextInt(order.size())]
                    : new UUID(random.nextInt(8), random.nextLong());
            Sighting expected = !model.containsKey(id) ? Sighting.FIRST
                    : model.get(id) == offset ? Sighting.AGAIN : Sighting.COPY;
            assertThat(window.read(id, offset)).as("offset %d", offset).isEqualTo(expected);
            if (expected == Sighting.FIRST) {
                if (order.size() == capacity) {
                    model.remove(order.removeFirst());
                }
                order.addLast(id);
                model.put(id, offset);
            }
        }
        assertThat(window.size()).isEqualTo(capacity);
    }

    @Test
    void saysWhenItsStoredCopyCanBePrunedAndOnlyEveryHalfWindow() {
        CopyWindow window = new CopyWindow(4);
        for (long offset = 0; offset < 4; offset++) {
            window.read(EventIds.newId(), offset);
        }
        assertThat(window.pruneBelow()).hasValue(0);
        window.read(EventIds.newId(), 4);
        assertThat(window.pruneBelow()).isEmpty();
        window.read(EventIds.newId(), 5);
        assertThat(window.pruneBelow()).hasValue(2);
    }
}
