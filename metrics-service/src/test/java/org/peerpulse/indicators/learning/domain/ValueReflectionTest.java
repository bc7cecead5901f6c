package org.peerpulse.indicators.learning.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.peerpulse.indicators.counting.domain.DayCounts;
import org.peerpulse.indicators.counting.domain.RatingTally;

/**
 * The reflection gap and its small-cell rule: both means or neither, and only when the practiced sessions and
 * the others each have at least k answers, so neither mean can be worked out from the item's overall mean.
 */
class ValueReflectionTest {

    private static final int K = 5;

    @Test
    void bothMeansAreShownWhenEachSideHasAtLeastKAnswers() {
        // KINDNESS: 5 answers in practiced sessions (4, 5, 5, 5, 4 → 4.6), 5 in the others (4, 4, 4, 5, 4 → 4.2).
        RatingTally practiced = tally(0, 0, 0, 2, 3);
        RatingTally otherwise = tally(0, 0, 0, 4, 1);

        ValueReflection kindness = ValueReflection.of(counts(Map.of("KINDNESS", 12L), practiced, otherwise), K).get(0);

        assertThat(kindness).isEqualTo(new ValueReflection("KINDNESS", 12, 4.6, 4.2));
        assertThat(kindness.withheld()).isFalse();
    }

    @Test
    void neitherMeanIsShownWhenOneSideHasFewerThanKAnswers() {
        ValueReflection fewPracticed = ValueReflection.of(
                counts(Map.of("KINDNESS", 3L), tally(0, 0, 0, 2, 2), tally(0, 0, 1, 4, 9)), K).get(0);
        ValueReflection fewOthers = ValueReflection.of(
                counts(Map.of("KINDNESS", 9L), tally(0, 0, 1, 4, 9), tally(0, 0, 0, 2, 2)), K).get(0);
        ValueReflection noOthers = ValueReflection.of(
                counts(Map.of("KINDNESS", 9L), tally(0, 0, 1, 4, 9), RatingTally.NONE), K).get(0);

        assertThat(fewPracticed).isEqualTo(new ValueReflection("KINDNESS", 3, null, null));
        assertThat(fewOthers).isEqualTo(new ValueReflection("KINDNESS", 9, null, null));
        assertThat(noOthers.withheld()).isTrue();
    }

    @Test
    void exactlyKOnEachSideIsEnough() {
        ValueReflection atK = ValueReflection.of(
                counts(Map.of("KINDNESS", 5L), tally(0, 0, 0, 0, 5), tally(0, 0, 5, 0, 0)), K).get(0);
        ValueReflection belowK = ValueReflection.of(
                counts(Map.of("KINDNESS", 5L), tally(0, 0, 0, 0, 5), tally(0, 0, 4, 0, 0)), K).get(0);

        assertThat(atK).isEqualTo(new ValueReflection("KINDNESS", 5, 5.0, 3.0));
        assertThat(belowK.withheld()).isTrue();
    }

    @Test
    void onlyValuesPracticedAtLeastOnceMostPracticedFirst() {
        DayCounts counts = new DayCounts(20, 20, 0, 0, 0, 0, 0, Map.of(), RatingTally.NONE, 0,
                Map.of("EMPATHY", 4L, "KINDNESS", 9L, "COURAGE", 4L, "HELPFULNESS", 0L), Map.of());

        assertThat(ValueReflection.of(counts, K)).extracting(ValueReflection::code)
                .containsExactly("KINDNESS", "COURAGE", "EMPATHY");
    }

    @Test
    void oneMeanIsNeverShownWithoutTheOther() {
        assertThatThrownBy(() -> new ValueReflection("KINDNESS", 3, 4.5, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A specialist's counts whose KINDNESS answers split into {@code practiced} and {@code otherwise}. */
    private static DayCounts counts(Map<String, Long> sessions, RatingTally practiced, RatingTally otherwise) {
        RatingTally all = practiced.plus(otherwise);
        return new DayCounts(0, 0, 0, 0, 0, 0, all.responses(), Map.of("KINDNESS", all), RatingTally.NONE, 0,
                sessions, Map.of("KINDNESS", practiced));
    }

    private static RatingTally tally(long ones, long twos, long threes, long fours, long fives) {
        return new RatingTally(ones, twos, threes, fours, fives);
    }
}
