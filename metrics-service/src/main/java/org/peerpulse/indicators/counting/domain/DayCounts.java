package org.peerpulse.indicators.counting.domain;

import java.util.EnumMap;
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
 * @param asked per rated item code, how many forms asked it: with rotating forms, fewer than {@code responses}
 * @param modes per collection mode, the items and hope of the answers collected that way: parts of {@code items}
 *     and {@code hope} (an answer with no known mode is in neither)
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
        Map<String, RatingTally> practicedItems,
        Map<String, Long> asked,
        Map<CollectionMode, ModeCounts> modes) {

    public static final DayCounts NONE = new DayCounts(0, 0, 0, 0, 0, 0, 0, Map.of(), RatingTally.NONE, 0);

    public DayCounts {
        items = Map.copyOf(items);
        hope = hope == null ? RatingTally.NONE : hope;
        practicedSessions = Map.copyOf(practicedSessions == null ? Map.of() : practicedSessions);
        practicedItems = Map.copyOf(practicedItems == null ? Map.of() : practicedItems);
        asked = Map.copyOf(asked == null ? Map.of() : asked);
        modes = Map.copyOf(modes == null ? Map.of() : modes);
    }

    /** Counts with no forms asked and no answers by mode: a session's, or a test's that looks at neither. */
    public DayCounts(long sessions, long invitations, long minutes, long peerMinutes, long sessionsWithStrengths,
            long recoveryFocusSessions, long responses, Map<String, RatingTally> items, RatingTally hope,
            long harmReports, Map<String, Long> practicedSessions, Map<String, RatingTally> practicedItems) {
        this(sessions, invitations, minutes, peerMinutes, sessionsWithStrengths, recoveryFocusSessions, responses,
                items, hope, harmReports, practicedSessions, practicedItems, Map.of(), Map.of());
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
        Map<String, Long> askedBoth = new HashMap<>(asked);
        other.asked.forEach((code, forms) -> askedBoth.merge(code, forms, Long::sum));
        Map<CollectionMode, ModeCounts> byMode = new EnumMap<>(CollectionMode.class);
        byMode.putAll(modes);
        other.modes.forEach((mode, counts) -> byMode.merge(mode, counts, ModeCounts::plus));
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
                ratedWhenPracticed,
                askedBoth,
                byMode);
    }

    /** What taking this back out of a rollup changes: every counter negated. */
    public DayCounts negated() {
        Map<String, RatingTally> negatedItems = new HashMap<>();
        items.forEach((code, tally) -> negatedItems.put(code, tally.negated()));
        Map<String, Long> negatedPracticed = new HashMap<>();
        practicedSessions.forEach((code, count) -> negatedPracticed.put(code, -count));
        Map<String, RatingTally> negatedPracticedItems = new HashMap<>();
        practicedItems.forEach((code, tally) -> negatedPracticedItems.put(code, tally.negated()));
        Map<String, Long> negatedAsked = new HashMap<>();
        asked.forEach((code, forms) -> negatedAsked.put(code, -forms));
        Map<CollectionMode, ModeCounts> negatedModes = new EnumMap<>(CollectionMode.class);
        modes.forEach((mode, counts) -> negatedModes.put(mode, counts.negated()));
        return new DayCounts(-sessions, -invitations, -minutes, -peerMinutes, -sessionsWithStrengths,
                -recoveryFocusSessions, -responses, negatedItems, hope.negated(), -harmReports, negatedPracticed,
                negatedPracticedItems, negatedAsked, negatedModes);
    }

    /** A running sum of day counts, for folding many into one without a new map per addition. */
    public static Sum sum() {
        return new Sum();
    }

    /** Adds day counts in place; {@link #total()} is the same as chaining {@link DayCounts#plus}. */
    public static final class Sum {

        /** Item codes are upper-case words, so the empty code can hold a mode's hope beside its items. */
        private static final String HOPE_OF_MODE = "";

        private final long[] counters = new long[8];
        private final Map<String, long[]> items = new HashMap<>();
        private final long[] hope = new long[5];
        private final Map<String, long[]> practicedSessions = new HashMap<>();
        private final Map<String, long[]> practicedItems = new HashMap<>();
        private final Map<String, long[]> asked = new HashMap<>();
        /** Per mode: its items by code, and its hope under {@link #HOPE_OF_MODE}. */
        private final Map<CollectionMode, Map<String, long[]>> modes = new EnumMap<>(CollectionMode.class);

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
            counts.asked.forEach((code, forms) -> asked.computeIfAbsent(code, key -> new long[1])[0] += forms);
            counts.modes.forEach((mode, ofMode) -> {
                Map<String, long[]> tallies = modes.computeIfAbsent(mode, key -> new HashMap<>());
                ofMode.items().forEach((code, tally) -> add(tallies.computeIfAbsent(code, key -> new long[5]), tally));
                add(tallies.computeIfAbsent(HOPE_OF_MODE, key -> new long[5]), ofMode.hope());
            });
            return this;
        }

        public DayCounts total() {
            Map<String, RatingTally> summed = new HashMap<>();
            items.forEach((code, answers) -> summed.put(code, tally(answers)));
            Map<String, Long> practiced = new HashMap<>();
            practicedSessions.forEach((code, count) -> practiced.put(code, count[0]));
            Map<String, RatingTally> ratedWhenPracticed = new HashMap<>();
            practicedItems.forEach((code, answers) -> ratedWhenPracticed.put(code, tally(answers)));
            Map<String, Long> askedForms = new HashMap<>();
            asked.forEach((code, forms) -> askedForms.put(code, forms[0]));
            Map<CollectionMode, ModeCounts> byMode = new EnumMap<>(CollectionMode.class);
            modes.forEach((mode, tallies) -> {
                Map<String, RatingTally> items = new HashMap<>();
                tallies.forEach((code, answers) -> {
                    if (!code.equals(HOPE_OF_MODE)) {
                        items.put(code, tally(answers));
                    }
                });
                byMode.put(mode, new ModeCounts(items, tally(tallies.getOrDefault(HOPE_OF_MODE, new long[5]))));
            });
            return new DayCounts(counters[0], counters[1], counters[2], counters[3], counters[4], counters[5],
                    counters[6], summed, tally(hope), counters[7], practiced, ratedWhenPracticed, askedForms, byMode);
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

    /** How many forms asked item {@code code}. */
    public long asked(String code) {
        return asked.getOrDefault(code, 0L);
    }

    /** The items and hope of the answers collected in {@code mode}. */
    public ModeCounts mode(CollectionMode mode) {
        return modes.getOrDefault(mode, ModeCounts.NONE);
    }

    /** The items in code order, for stable output. */
    public Map<String, RatingTally> itemsByCode() {
        return new TreeMap<>(items);
    }
}
