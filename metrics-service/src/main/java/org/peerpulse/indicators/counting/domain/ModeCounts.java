package org.peerpulse.indicators.counting.domain;

import java.util.HashMap;
import java.util.Map;

/**
 * The rated items and hope of the answers collected in one {@link CollectionMode}: a part of the day's
 * {@link DayCounts#items()} and {@link DayCounts#hope()}, signed and adding up like them.
 */
public record ModeCounts(Map<String, RatingTally> items, RatingTally hope) {

    public static final ModeCounts NONE = new ModeCounts(Map.of(), RatingTally.NONE);

    public ModeCounts {
        items = Map.copyOf(items);
        hope = hope == null ? RatingTally.NONE : hope;
    }

    public ModeCounts plus(ModeCounts other) {
        Map<String, RatingTally> summed = new HashMap<>(items);
        other.items.forEach((code, tally) -> summed.merge(code, tally, RatingTally::plus));
        return new ModeCounts(summed, hope.plus(other.hope));
    }

    public ModeCounts negated() {
        Map<String, RatingTally> negatedItems = new HashMap<>();
        items.forEach((code, tally) -> negatedItems.put(code, tally.negated()));
        return new ModeCounts(negatedItems, hope.negated());
    }

    public RatingTally item(String code) {
        return items.getOrDefault(code, RatingTally.NONE);
    }
}
