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
 * @param practicedSessions per value code, sessions in which the specialist said they practiced it
 * @param practicedItems per value code, its ratings in answers to sessions in which the specialist said they
 *     practiced it: a part of {@code items}, so the rest of that item's tally is the other sessions' answers
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
        long harmReports,
        Map<String, Long> practicedSessions,
        Map<String, RatingTally> practicedItems) {

    public static final DayCounts NONE = new DayCounts(0, 0, 0, 0, 0, 0, 0, Map.of(), RatingTally.NONE, 0);

    public DayCounts {
        items = Map.copyOf(items);
        hope = hope == null ? RatingTally.NONE : hope;
        practicedSessions = Map.copyOf(practicedSessions == null ? Map.of() : practicedSessions);
        practicedItems = Map.copyOf(practicedItems == null ? Map.of() : practicedItems);
    }

    /** Counts in which no value was practiced. */
    public DayCounts(long sessions, long invitations, long minutes, long peerMinutes, long sessionsWithStrengths,
            long recoveryFocusSessions, long responses, Map<String, RatingTally> items, RatingTally hope,
            long harmReports) {
        this(sessions, invitations, minutes, peerMinutes, sessionsWithStrengths, recoveryFocusSessions, responses,
                items, hope, harmReports, Map.of(), Map.of());
    }

    public DayCounts plus(DayCounts other) {
        Map<String, RatingTally> summed = new HashMap<>(items);
        other.items.forEach((code, tally) -> summed.merge(code, tally, RatingTally::plus));
        Map<String, Long> practiced = new HashMap<>(practicedSessions);
        other.practicedSessions.forEach((code, count) -> practiced.merge(code, count, Long::sum));
        Map<String, RatingTally> ratedWhenPracticed = new HashMap<>(practicedItems);
        other.practicedItems.forEach((code, tally) -> ratedWhenPracticed.merge(code, tally, RatingTally::plus));
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
                harmReports + other.harmReports,
                practiced,
                ratedWhenPracticed);
    }

    /** What taking this back out of a rollup changes: every counter negated. */
    public DayCounts negated() {
        Map<String, RatingTally> negatedItems = new HashMap<>();
        items.forEach((code, tally) -> negatedItems.put(code, tally.negated()));
        Map<String, Long> negatedPracticed = new HashMap<>();
        practicedSessions.forEach((code, count) -> negatedPracticed.put(code, -count));
        Map<String, RatingTally> negatedPracticedItems = new HashMap<>();
        practicedItems.forEach((code, tally) -> negatedPracticedItems.put(code, tally.negated()));
        return new DayCounts(-sessions, -invitations, -minutes, -peerMinutes, -sessionsWithStrengths,
                -recoveryFocusSessions, -responses, negatedItems, hope.negated(), -harmReports, negatedPracticed,
                negatedPracticedItems);
    }

    /** A running sum of day counts, for folding many into one without a new map per addition. */
    public static Sum sum() {
        return new Sum();
    }

    /** Adds day counts in place; {@link #total()} is the same as chaining {@link DayCounts#plus}. */
    public static final class Sum {

        private final long[] counters = new long[8];
        private final Map<String, long[]> items = new HashMap<>();
        private final long[] hope = new long[5];
        private final Map<String, long[]> practicedSessions = new HashMap<>();
        private final Map<String, long[]> practicedItems = new HashMap<>();

        private Sum() {
        }

        public Sum add(DayCounts counts) {
            counters[0] += counts.sessions;
            counters[1] += counts.invitations;
            counters[2] += counts.minutes;
            counters[3] += counts.peerMinutes;
            counters[4] += counts.sessionsWithStrengths;
            counters[5] += counts.recoveryFocusSessions;
            counters[6] += counts.responses;
            counters[7] += counts.harmReports;
            counts.items.forEach((code, tally) -> add(items.computeIfAbsent(code, key -> new long[5]), tally));
            add(hope, counts.hope);
            counts.practicedSessions.forEach(
                    (code, count) -> practicedSessions.computeIfAbsent(code, key -> new long[1])[0] += count);
            counts.practicedItems.forEach(
                    (code, tally) -> add(practicedItems.computeIfAbsent(code, key -> new long[5]), tally));
            return this;
        }

        public DayCounts total() {
            Map<String, RatingTally> summed = new HashMap<>();
            items.forEach((code, answers) -> summed.put(code, tally(answers)));
            Map<String, Long> practiced = new HashMap<>();
            practicedSessions.forEach((code, count) -> practiced.put(code, count[0]));
            Map<String, RatingTally> ratedWhenPracticed = new HashMap<>();
            practicedItems.forEach((code, answers) -> ratedWhenPracticed.put(code, tally(answers)));
            return new DayCounts(counters[0], counters[1], counters[2], counters[3], counters[4], counters[5],
                    counters[6], summed, tally(hope), counters[7], practiced, ratedWhenPracticed);
        }

        private static void add(long[] answers, RatingTally tally) {
            for (int rating = 1; rating <= 5; rating++) {
                answers[rating - 1] += tally.count(rating);
            }
        }

        private static RatingTally tally(long[] answers) {
            return new RatingTally(answers[0], answers[1], answers[2], answers[3], answers[4]);
        }
    }

    public RatingTally item(String code) {
        return items.getOrDefault(code, RatingTally.NONE);
    }

    /** Sessions in which the specialist said they practiced value {@code code}. */
    public long practicedSessions(String code) {
        return practicedSessions.getOrDefault(code, 0L);
    }

    /** The ratings of value {@code code} in answers to sessions in which it was practiced. */
    public RatingTally practicedItem(String code) {
        return practicedItems.getOrDefault(code, RatingTally.NONE);
    }

    /** The items in code order, for stable output. */
    public Map<String, RatingTally> itemsByCode() {
        return new TreeMap<>(items);
    }
}
