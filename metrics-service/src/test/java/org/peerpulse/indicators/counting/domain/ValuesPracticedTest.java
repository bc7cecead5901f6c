package org.peerpulse.indicators.counting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The reflection gap's counters: a session counts once for each value the specialist said they practiced, an
 * answer counts its rating of each of those values, and a void or a withdrawal takes exactly that back.
 */
class ValuesPracticedTest {

    private static final Cell RIVERA = new Cell("harbor", "warmline", "sp-rivera");
    private static final Instant AT = Instant.parse("2026-11-20T14:30:00Z");

    @Test
    void aSessionCountsOnceForEachValuePracticedEvenIfNamedTwice() {
        LoggedSession session = session(List.of("KINDNESS", "EMPATHY", "KINDNESS"));

        assertThat(session.counts().practicedSessions()).isEqualTo(Map.of("KINDNESS", 1L, "EMPATHY", 1L));
        assertThat(session.counts().practicedItems()).isEmpty();
        assertThat(session(List.of()).counts().practicedSessions()).isEmpty();
    }

    @Test
    void anAnswerCountsItsRatingOfEachPracticedValueItRatedAndNothingElse() {
        ReceivedFeedback answer = answer(Map.of("KINDNESS", 4, "COURAGE", 2, "SAFE_ATMOSPHERE", 5),
                List.of("KINDNESS", "EMPATHY"));

        DayCounts counts = answer.counts();

        // EMPATHY was practiced but not rated in this answer; COURAGE was rated but not practiced.
        assertThat(counts.practicedItems()).isEqualTo(Map.of("KINDNESS", RatingTally.of(4)));
        assertThat(counts.practicedSessions()).isEmpty();
        assertThat(counts.item("COURAGE")).isEqualTo(RatingTally.of(2));
        assertThat(answer(Map.of("KINDNESS", 4), List.of()).counts().practicedItems()).isEmpty();
    }

    @Test
    void aVoidAndAWithdrawalTakeBackExactlyWhatTheyAdded() {
        LoggedSession session = session(List.of("KINDNESS"));
        ReceivedFeedback answer = answer(Map.of("KINDNESS", 5), List.of("KINDNESS"));

        DayCounts story = session.counts().plus(answer.counts())
                .plus(new VoidedSession(UUID.randomUUID(), session).counts())
                .plus(new WithdrawnFeedback(UUID.randomUUID(), answer).counts());

        assertThat(story.practicedSessions("KINDNESS")).isZero();
        assertThat(story.practicedItem("KINDNESS").isEmpty()).isTrue();
    }

    @Test
    void theRunningSumAddsThemAsChainedAdditionDoes() {
        List<DayCounts> counts = List.of(session(List.of("KINDNESS", "EMPATHY")).counts(),
                session(List.of("KINDNESS")).counts(), answer(Map.of("KINDNESS", 3, "EMPATHY", 5),
                        List.of("KINDNESS", "EMPATHY")).counts(),
                answer(Map.of("KINDNESS", 1), List.of()).counts(),
                new VoidedSession(UUID.randomUUID(), session(List.of("EMPATHY"))).counts());

        DayCounts.Sum sum = DayCounts.sum();
        DayCounts chained = DayCounts.NONE;
        for (DayCounts count : counts) {
            sum.add(count);
            chained = chained.plus(count);
        }

        assertThat(sum.total()).isEqualTo(chained);
        assertThat(chained.practicedSessions()).isEqualTo(Map.of("KINDNESS", 2L, "EMPATHY", 0L));
        assertThat(chained.practicedItem("KINDNESS")).isEqualTo(RatingTally.of(3));
        assertThat(chained.item("KINDNESS")).isEqualTo(RatingTally.of(3).with(1));
    }

    @Test
    void valueCodesBecomeFieldNamesSoTheyMustBeUpperCaseWords() {
        assertThatThrownBy(() -> session(List.of("$where"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> answer(Map.of("KINDNESS", 4), List.of("kindness.x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static LoggedSession session(List<String> values) {
        return new LoggedSession(UUID.randomUUID(), "s-1", RIVERA, AT, 45, true, false, false, 1, values);
    }

    private static ReceivedFeedback answer(Map<String, Integer> ratings, List<String> values) {
        return new ReceivedFeedback(UUID.randomUUID(), "s-1", RIVERA, AT, ratings, 4, false, AT.plusSeconds(3600),
                values);
    }
}
