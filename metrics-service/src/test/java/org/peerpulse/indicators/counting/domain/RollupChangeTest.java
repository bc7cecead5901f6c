package org.peerpulse.indicators.counting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class RollupChangeTest {

    private static final Cell CELL = new Cell("harbor", "warmline", "sp-rivera");
    private static final RollupKey KEY = new RollupKey(CELL, LocalDate.parse("2026-11-20"));
    private static final Instant SESSION_AT = Instant.parse("2026-11-20T14:30:00Z");
    private static final SourcePartition SESSIONS_0 = new SourcePartition("peerpulse.sessions.v1", 0);

    @Test
    void aSessionAddsItsCounts() {
        LoggedSession session = new LoggedSession(UUID.randomUUID(), "s1", CELL, SESSION_AT, 45, true, true, false, 1);

        assertThat(session.counts()).isEqualTo(new DayCounts(1, 1, 45, 45, 1, 0, 0, Map.of(), null, 0));
        assertThat(new LoggedSession(UUID.randomUUID(), "s1", CELL, SESSION_AT, 30, false, false, true, 0).counts())
                .isEqualTo(new DayCounts(1, 0, 30, 0, 0, 1, 0, Map.of(), null, 0));
    }

    @Test
    void aGroupSessionInvitesEveryAttendeeAndItsVoidTakesThemAllBack() {
        LoggedSession group = new LoggedSession(UUID.randomUUID(), "g1", CELL, SESSION_AT, 90, true, false, false, 12);

        assertThat(group.counts()).isEqualTo(new DayCounts(1, 12, 90, 90, 0, 0, 0, Map.of(), null, 0));
        assertThat(new VoidedSession(UUID.randomUUID(), group).counts().invitations()).isEqualTo(-12);
        assertThatIllegalArgumentException().isThrownBy(
                () -> new LoggedSession(UUID.randomUUID(), "g1", CELL, SESSION_AT, 90, true, false, false, -1));
    }

    @Test
    void feedbackAddsOneResponseAndItsRatings() {
        ReceivedFeedback feedback = new ReceivedFeedback(UUID.randomUUID(), "s1", CELL, SESSION_AT, Map.of("KINDNESS", 5, "NO_STIGMA", 3), 4,
                true, SESSION_AT);

        // It names no items asked: the two it rated were asked, at least.
        assertThat(feedback.counts()).isEqualTo(new DayCounts(0, 0, 0, 0, 0, 0, 1,
                Map.of("KINDNESS", RatingTally.of(5), "NO_STIGMA", RatingTally.of(3)), RatingTally.of(4), 1, Map.of(),
                Map.of(), Map.of("KINDNESS", 1L, "NO_STIGMA", 1L), Map.of()));
    }

    @Test
    void feedbackOutsideTheScaleOrWithUnsafeCodesIsRefused() {
        assertThatThrownBy(() -> new ReceivedFeedback(UUID.randomUUID(), "s1", CELL, SESSION_AT, Map.of("KINDNESS", 6), null, false, SESSION_AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReceivedFeedback(UUID.randomUUID(), "s1", CELL, SESSION_AT, Map.of("KINDNESS", 3), 0, false, SESSION_AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReceivedFeedback(UUID.randomUUID(), "s1", CELL, SESSION_AT, Map.of("$where.x", 3), null, false, SESSION_AT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eventsAtOrBelowTheWatermarkAreLeftOut() {
        Watermarks current = new Watermarks(Map.of(SESSIONS_0, 6L));
        List<Contribution> events = List.of(session(5, 10), session(6, 20), session(7, 30), session(8, 40));

        RollupChange change = RollupChange.plan(KEY, current, events).orElseThrow();

        assertThat(change.events()).isEqualTo(2);
        assertThat(change.increment().sessions()).isEqualTo(2);
        assertThat(change.increment().minutes()).isEqualTo(70);
        assertThat(change.from()).isEqualTo(Map.of(SESSIONS_0, 7L));
        assertThat(change.through()).isEqualTo(Map.of(SESSIONS_0, 8L));
        assertThat(change.fits(current)).isTrue();
        assertThat(change.fits(new Watermarks(Map.of(SESSIONS_0, 7L)))).as("offset 7 is in already").isFalse();
        assertThat(change.fits(Watermarks.NONE)).isTrue();
    }

    @Test
    void aBatchItAlreadyCountsPlansNothing() {
        Watermarks current = new Watermarks(Map.of(SESSIONS_0, 8L));

        assertThat(RollupChange.plan(KEY, current, List.of(session(7, 30), session(8, 40)))).isEmpty();
    }

    @Test
    void otherPartitionsWatermarksAreNotGuarded() {
        SourcePartition feedback2 = new SourcePartition("peerpulse.feedback.v1", 2);
        Watermarks current = new Watermarks(Map.of(feedback2, 100L));

        RollupChange change = RollupChange.plan(KEY, current, List.of(session(0, 10))).orElseThrow();

        assertThat(change.from()).isEqualTo(Map.of(SESSIONS_0, 0L));
        assertThat(change.fits(current)).isTrue();
        assertThat(change.through()).isEqualTo(Map.of(SESSIONS_0, 0L));
    }

    @Test
    void aRunningSumIsTheSameAsAddingOneByOne() {
        List<DayCounts> counts = List.of(
                new LoggedSession(UUID.randomUUID(), "s1", CELL, SESSION_AT, 45, true, true, false, 1).counts(),
                new ReceivedFeedback(UUID.randomUUID(), "s1", CELL, SESSION_AT, Map.of("KINDNESS", 5, "NO_STIGMA", 3), 4,
                        true, SESSION_AT).counts(),
                new ReceivedFeedback(UUID.randomUUID(), "s1", CELL, SESSION_AT, Map.of("KINDNESS", 2), null, false,
                        SESSION_AT).counts().negated());
        DayCounts.Sum sum = DayCounts.sum();
        DayCounts chained = DayCounts.NONE;
        for (DayCounts each : counts) {
            sum.add(each);
            chained = chained.plus(each);
        }

        assertThat(sum.total()).isEqualTo(chained);
        assertThat(sum.total().item("KINDNESS")).isEqualTo(new RatingTally(0, -1, 0, 0, 1));
    }

    @Test
    void talliesAddUp() {
        RatingTally tally = RatingTally.of(5).with(4).plus(RatingTally.of(1).with(5));

        assertThat(tally).isEqualTo(new RatingTally(1, 0, 0, 1, 2));
        assertThat(tally.responses()).isEqualTo(4);
        assertThat(tally.sum()).isEqualTo(15);
        assertThat(tally.mean()).isEqualTo(3.75);
        assertThat(tally.topBoxRate()).isEqualTo(0.75);
    }

    private static Contribution session(long offset, int minutes) {
        return new Contribution(KEY, new SourcePosition(SESSIONS_0, offset),
                new LoggedSession(UUID.randomUUID(), "s1", CELL, SESSION_AT, minutes, true, false, false, 1).counts());
    }
}
