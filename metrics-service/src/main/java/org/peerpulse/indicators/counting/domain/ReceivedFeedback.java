package org.peerpulse.indicators.counting.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A participant's answers for a session, as the indicators see them: no participant, no comment.
 *
 * @param ratings rated item code to 1–5; codes are upper-case words, so they are safe as field names
 * @param hope 1–5, or {@code null} when not answered
 * @param submittedAt when the participant sent it (a harm report's alert counts from then)
 * @param valuesPracticed the value codes the session's specialist said they practiced in it, as the answer
 *     carries them: a dimension of the session, like its cell
 * @param itemsAsked the rated items the participant's form asked ({@link AskedItems}); an item rated is asked
 *     even when it is missing here, so a count of forms that asked an item never falls below its responses
 * @param mode how the form was collected; {@code null} when the answer names no mode this version knows, and
 *     then it counts in the totals only
 */
public record ReceivedFeedback(UUID eventId, String sessionId, Cell cell, Instant sessionAt,
        Map<String, Integer> ratings, Integer hope, boolean harmReported, Instant submittedAt,
        List<String> valuesPracticed, List<String> itemsAsked, CollectionMode mode) implements IndicatorEvent {

    public ReceivedFeedback {
        Objects.requireNonNull(eventId, "eventId");
        Cell.requireId(sessionId, "sessionId");
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(sessionAt, "sessionAt");
        Objects.requireNonNull(submittedAt, "submittedAt");
        ratings = Map.copyOf(ratings == null ? Map.of() : ratings);
        ratings.forEach((code, rating) -> {
            requireItemCode(code);
            requireRating(rating);
        });
        if (hope != null) {
            requireRating(hope);
        }
        valuesPracticed = List.copyOf(valuesPracticed == null ? List.of() : valuesPracticed);
        valuesPracticed.forEach(ReceivedFeedback::requireItemCode);
        itemsAsked = List.copyOf(itemsAsked == null ? List.of() : itemsAsked);
        itemsAsked.forEach(ReceivedFeedback::requireItemCode);
    }

    /** An answer that names no items asked (only those it rated count as asked) and no collection mode. */
    public ReceivedFeedback(UUID eventId, String sessionId, Cell cell, Instant sessionAt,
            Map<String, Integer> ratings, Integer hope, boolean harmReported, Instant submittedAt,
            List<String> valuesPracticed) {
        this(eventId, sessionId, cell, sessionAt, ratings, hope, harmReported, submittedAt, valuesPracticed, List.of(),
                null);
    }

    /** An answer to a session in which the specialist named no value practiced. */
    public ReceivedFeedback(UUID eventId, String sessionId, Cell cell, Instant sessionAt,
            Map<String, Integer> ratings, Integer hope, boolean harmReported, Instant submittedAt) {
        this(eventId, sessionId, cell, sessionAt, ratings, hope, harmReported, submittedAt, List.of());
    }

    /**
     * Item and value codes become field names in the store, so they must be upper-case words ({@code
     * [A-Z][A-Z0-9_]{0,47}}). Checked by hand: every code of every answer passes here, and a regular expression
     * per code was a visible share of the fold once answers carried the items their form asked.
     */
    static void requireItemCode(String code) {
        if (code == null || code.isEmpty() || code.length() > 48 || code.charAt(0) < 'A' || code.charAt(0) > 'Z') {
            throw new IllegalArgumentException("item codes are upper-case words");
        }
        for (int i = 1; i < code.length(); i++) {
            char c = code.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                throw new IllegalArgumentException("item codes are upper-case words");
            }
        }
    }

    private static void requireRating(Integer rating) {
        if (rating == null || rating < 1 || rating > 5) {
            throw new IllegalArgumentException("a rating is 1 to 5");
        }
    }

    @Override
    public DayCounts counts() {
        Map<String, RatingTally> rated = new HashMap<>();
        ratings.forEach((code, rating) -> rated.put(code, RatingTally.of(rating)));
        // Immutable once, so the day counts and the mode's counts share it instead of copying it each.
        Map<String, RatingTally> items = Map.copyOf(rated);
        // Only the value's own rating: how participants saw the value the specialist said they practiced.
        Map<String, RatingTally> ratedWhenPracticed = valuesPracticed.isEmpty() ? Map.of() : new HashMap<>();
        for (String code : valuesPracticed) {
            Integer rating = ratings.get(code);
            if (rating != null) {
                ratedWhenPracticed.put(code, RatingTally.of(rating));
            }
        }
        RatingTally hopeTally = hope == null ? RatingTally.NONE : RatingTally.of(hope);
        // One form asked each item once; an item it rated was asked, whatever the list says.
        Map<String, Long> asked = AskedItems.once(itemsAsked);
        if (!asked.keySet().containsAll(ratings.keySet())) {
            Map<String, Long> withRated = new HashMap<>(asked);
            ratings.keySet().forEach(code -> withRated.put(code, 1L));
            asked = withRated;
        }
        Map<CollectionMode, ModeCounts> modes = mode == null ? Map.of()
                : Map.of(mode, new ModeCounts(items, hopeTally));
        return new DayCounts(0, 0, 0, 0, 0, 0, 1, items, hopeTally, harmReported ? 1 : 0, Map.of(), ratedWhenPracticed,
                asked, modes);
    }
}
