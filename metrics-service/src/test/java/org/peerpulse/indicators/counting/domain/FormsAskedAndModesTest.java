package org.peerpulse.indicators.counting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * Forms asked per item and the split by collection mode, folded like every other counter: an answer adds them,
 * its withdrawal takes back exactly that, and a rollup's change is their sum.
 *
 * <pre>
 * a1 own device, asked KINDNESS and SAFE_ATMOSPHERE (rotated), rated KINDNESS 5, hope 4
 * a2 kiosk, from before rotation (asked every value and principle), rated KINDNESS 3 and EMPATHY 4, hope 2
 * a3 kiosk, asked KINDNESS only but rated NO_STIGMA too (asked, then), hope not answered
 * </pre>
 */
class FormsAskedAndModesTest {

    private static final Cell CELL = new Cell("harbor", "warmline", "sp-rivera");
    private static final Instant SESSION_AT = Instant.parse("2026-11-20T10:00:00Z");
    private static final RollupKey KEY = new RollupKey(CELL, LocalDate.parse("2026-11-20"));
    private static final SourcePartition FEEDBACK = new SourcePartition("peerpulse.feedback.v1", 0);

    private static final ReceivedFeedback A1 = answer(Map.of("KINDNESS", 5), 4,
            List.of("KINDNESS", "SAFE_ATMOSPHERE"), CollectionMode.OWN_DEVICE);
    private static final ReceivedFeedback A2 = answer(Map.of("KINDNESS", 3, "EMPATHY", 4), 2,
            AskedItems.of("peer-core-v1", 1, List.of()), CollectionMode.KIOSK);
    private static final ReceivedFeedback A3 = answer(Map.of("KINDNESS", 4, "NO_STIGMA", 5), null,
            List.of("KINDNESS"), CollectionMode.KIOSK);

    @Test
    void anAnswerFromBeforeRotationWasAskedEveryValueAndPrincipleOfItsFramework() {
        assertThat(AskedItems.of("peer-core-v1", 1, List.of())).containsExactly("GIVING_BACK", "COURAGE", "KINDNESS",
                "CAUTION", "HELPFULNESS", "CREATIVITY", "GENTLENESS", "EMPATHY", "SAFE_ATMOSPHERE", "RECOVERY_FOCUS",
                "GENUINE_ROLE", "NO_STIGMA", "STRENGTH_BASED");
        assertThat(AskedItems.of("peer-core-v1", 1, List.of("KINDNESS"))).containsExactly("KINDNESS");
        assertThat(AskedItems.of("unknown", 1, List.of())).isEmpty();
        assertThat(AskedItems.of(null, null, null)).isEmpty();

        assertThat(A2.counts().asked()).hasSize(13).containsValues(1L).doesNotContainKeys("HOPE", "DO_NO_HARM");
    }

    @Test
    void eachFormCountsOncePerItemItAskedAndAnItemItRatedWasAsked() {
        assertThat(A1.counts().asked()).isEqualTo(Map.of("KINDNESS", 1L, "SAFE_ATMOSPHERE", 1L));
        assertThat(A3.counts().asked()).isEqualTo(Map.of("KINDNESS", 1L, "NO_STIGMA", 1L));

        DayCounts all = change(A1, A2, A3).increment();

        assertThat(all.responses()).isEqualTo(3);
        assertThat(all.asked("KINDNESS")).isEqualTo(3);
        assertThat(all.asked("SAFE_ATMOSPHERE")).isEqualTo(2);
        assertThat(all.asked("NO_STIGMA")).isEqualTo(2);
        assertThat(all.asked("GIVING_BACK")).isEqualTo(1);
        assertThat(all.item("SAFE_ATMOSPHERE").responses()).isZero();
    }

    @Test
    void theModesSplitTheItemsAndHopeAndAddUpToThem() {
        DayCounts all = change(A1, A2, A3).increment();

        ModeCounts ownDevice = all.mode(CollectionMode.OWN_DEVICE);
        ModeCounts kiosk = all.mode(CollectionMode.KIOSK);
        assertThat(ownDevice.items()).isEqualTo(Map.of("KINDNESS", RatingTally.of(5)));
        assertThat(ownDevice.hope()).isEqualTo(RatingTally.of(4));
        assertThat(kiosk.items()).isEqualTo(Map.of("KINDNESS", new RatingTally(0, 0, 1, 1, 0),
                "EMPATHY", RatingTally.of(4), "NO_STIGMA", RatingTally.of(5)));
        assertThat(kiosk.hope()).isEqualTo(RatingTally.of(2));
        assertThat(ownDevice.item("KINDNESS").plus(kiosk.item("KINDNESS"))).isEqualTo(all.item("KINDNESS"));
        assertThat(ownDevice.hope().plus(kiosk.hope())).isEqualTo(all.hope());
    }

    @Test
    void aWithdrawalTakesBackTheFormsAskedAndTheModesCountsOfItsAnswer() {
        WithdrawnFeedback withdrawn = new WithdrawnFeedback(UUID.randomUUID(), A2);

        DayCounts left = change(A1, A2, A3, withdrawn).increment();

        DayCounts withoutA2 = change(A1, A3).increment();
        // What a2 alone added is left at zero, not removed: a counter once written stays, at 0.
        assertThat(nonZero(left.asked())).isEqualTo(withoutA2.asked());
        assertThat(left.responses()).isEqualTo(withoutA2.responses());
        assertThat(left.hope()).isEqualTo(withoutA2.hope());
        for (CollectionMode mode : CollectionMode.values()) {
            assertThat(left.mode(mode).hope()).isEqualTo(withoutA2.mode(mode).hope());
            assertThat(nonEmpty(left.mode(mode).items())).isEqualTo(withoutA2.mode(mode).items());
        }
        assertThat(left.asked("KINDNESS")).isEqualTo(2);
        assertThat(left.asked("GIVING_BACK")).isZero();
        assertThat(left.mode(CollectionMode.KIOSK).item("EMPATHY").isEmpty()).isTrue();
        assertThat(left.mode(CollectionMode.KIOSK).hope().isEmpty()).isTrue();
        assertThat(withdrawn.counts().plus(A2.counts()).asked()).containsValues(0L);
    }

    @Test
    void aRollupsChangeIsTheSameSumInAnyOrderAndItsEventsPlannedAgainChangeNothing() {
        RollupChange forwards = change(A1, A2, A3);
        RollupChange backwards = change(A3, A2, A1);

        assertThat(backwards.increment()).isEqualTo(forwards.increment());
        assertThat(forwards.increment()).isEqualTo(A1.counts().plus(A2.counts()).plus(A3.counts()));
        Watermarks written = new Watermarks(Map.of(FEEDBACK, 2L));
        assertThat(RollupChange.plan(KEY, written, contributions(A1, A2, A3))).isEmpty();
    }

    private static Map<String, Long> nonZero(Map<String, Long> counts) {
        return counts.entrySet().stream().filter(entry -> entry.getValue() != 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Map<String, RatingTally> nonEmpty(Map<String, RatingTally> tallies) {
        return tallies.entrySet().stream().filter(entry -> !entry.getValue().isEmpty())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static RollupChange change(IndicatorEvent... events) {
        return RollupChange.plan(KEY, Watermarks.NONE, contributions(events)).orElseThrow();
    }

    private static List<Contribution> contributions(IndicatorEvent... events) {
        return IntStream.range(0, events.length)
                .mapToObj(offset -> new Contribution(KEY, new SourcePosition(FEEDBACK, offset), events[offset].counts()))
                .toList();
    }

    private static ReceivedFeedback answer(Map<String, Integer> ratings, Integer hope, List<String> asked,
            CollectionMode mode) {
        return new ReceivedFeedback(UUID.randomUUID(), "s-1", CELL, SESSION_AT, ratings, hope, false, SESSION_AT,
                List.of(), asked, mode);
    }
}
