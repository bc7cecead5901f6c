package org.peerpulse.indicators.counting.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What happened in one cell (agency, program, specialist) on one day, as counters that add up: that is
 * what makes the rollup a sum that can be stored with {@code $inc} and re-added over any range. A void
 * is the same kind of change with every counter negated.
 *
 * @param minutes all logged session minutes
 * @param peerMinutes minutes of sessions whose activity is peer work
 * @param sessionsWithStrengths sessions where the specialist noted at least one strength
 * @param recoveryFocusSessions sessions whose focus includes recovery goals or wellness
 * @param responses feedback forms received
 * @param items rated items (values and principles) by item code
 * @param harmReports feedback that answered yes to the do-no-harm question
 */
public record DayCounts(
        long sessions,
        long invitations,
        long minutes,
        long peerMinutes,
        long sessionsWithStrengths,
        long recoveryFocusSessions,
        long responses,
        Map<String, RatingTally> items,
        RatingTally hope,
        long harmReports) {

    public static final DayCounts NONE = new DayCounts(0, 0, 0, 0, 0, 0, 0, Map.of(), RatingTally.NONE, 0);

    public DayCounts {
        items = Map.copyOf(items);
        hope = hope == null ? RatingTally.NONE : hope;
    }

    public DayCounts plus(DayCounts other) {
        Map<String, RatingTally> summed = new HashMap<>(items);
        other.items.forEach((code, tally) -> summed.merge(code, tally, RatingTally::plus));
        return new DayCounts(
                sessions + other.sessions,
                invitations + other.invitations,
                minutes + other.minutes,
                peerMinutes + other.peerMinutes,
                sessionsWithStrengths + other.sessionsWithStrengths,
                recoveryFocusSessions + other.recoveryFocusSessions,
                responses + other.responses,
                summed,
                hope.plus(other.hope),
                harmReports + other.harmReports);
    }

    /** What taking this back out of a rollup changes: every counter negated. */
    public DayCounts negated() {
        Map<String, RatingTally> negatedItems = new HashMap<>();
        items.forEach((code, tally) -> negatedItems.put(code, tally.negated()));
        return new DayCounts(-sessions, -invitations, -minutes, -peerMinutes, -sessionsWithStrengths,
                -recoveryFocusSessions, -responses, negatedItems, hope.negated(), -harmReports);
    }

    public RatingTally item(String code) {
        return items.getOrDefault(code, RatingTally.NONE);
    }

    /** The items in code order, for stable output. */
    public Map<String, RatingTally> itemsByCode() {
        return new TreeMap<>(items);
    }
}
