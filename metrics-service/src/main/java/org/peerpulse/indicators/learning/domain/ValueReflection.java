package org.peerpulse.indicators.learning.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.peerpulse.indicators.counting.domain.DayCounts;
import org.peerpulse.indicators.counting.domain.RatingTally;

/**
 * The reflection gap for one value (DESIGN §6): how often the specialist said they practiced it, and how
 * participants rated it in those sessions and in the specialist's other sessions. The session count is the
 * specialist's own logging and stays shown (decision 0007). The two means are shown together or not at all:
 * only when both rest on at least k answers. Were one shown alone, it and the item's overall mean would give
 * the other back.
 *
 * @param code the value's item code, such as {@code KINDNESS}
 * @param practicedSessions sessions in which the specialist said they practiced it
 * @param meanWhenPracticed participants' mean for it (1–5, two decimals) in those sessions; {@code null} when
 *     withheld
 * @param meanOtherwise participants' mean for it in the specialist's other sessions; {@code null} exactly when
 *     {@code meanWhenPracticed} is
 */
public record ValueReflection(String code, long practicedSessions, Double meanWhenPracticed, Double meanOtherwise) {

    private static final Comparator<ValueReflection> MOST_PRACTICED_FIRST = Comparator
            .comparingLong((ValueReflection value) -> -value.practicedSessions())
            .thenComparing(ValueReflection::code);

    public ValueReflection {
        if ((meanWhenPracticed == null) != (meanOtherwise == null)) {
            throw new IllegalArgumentException("the two means are shown together or not at all");
        }
    }

    /** Whether the means are withheld: fewer than k answers on one side or the other. */
    public boolean withheld() {
        return meanWhenPracticed == null;
    }

    /**
     * The gap for every value the specialist said they practiced at least once in {@code counts} (their
     * sessions and answers over the view's window), most practiced first.
     *
     * @param k the agency's dashboard small-cell size
     */
    public static List<ValueReflection> of(DayCounts counts, int k) {
        List<ValueReflection> values = new ArrayList<>();
        for (Map.Entry<String, Long> practiced : counts.practicedSessions().entrySet()) {
            if (practiced.getValue() <= 0) {
                continue;
            }
            String code = practiced.getKey();
            RatingTally whenPracticed = counts.practicedItem(code);
            RatingTally otherwise = counts.item(code).plus(whenPracticed.negated());
            boolean shown = whenPracticed.responses() >= k && otherwise.responses() >= k;
            values.add(new ValueReflection(code, practiced.getValue(), shown ? mean(whenPracticed) : null,
                    shown ? mean(otherwise) : null));
        }
        values.sort(MOST_PRACTICED_FIRST);
        return List.copyOf(values);
    }

    private static double mean(RatingTally tally) {
        return BigDecimal.valueOf(tally.sum()).divide(BigDecimal.valueOf(tally.responses()), 2, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
