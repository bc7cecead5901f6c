package org.peerpulse.indicators.counting.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peerpulse.indicators.agencies.domain.AgencyCalendar;
import org.peerpulse.indicators.agencies.domain.InMemoryAgencies;
import org.peerpulse.indicators.counting.domain.Cell;
import org.peerpulse.indicators.counting.domain.ConsumedEvent;
import org.peerpulse.indicators.counting.domain.DayCounts;
import org.peerpulse.indicators.counting.domain.FirstRead;
import org.peerpulse.indicators.counting.domain.LoggedSession;
import org.peerpulse.indicators.counting.domain.RatingTally;
import org.peerpulse.indicators.counting.domain.ReceivedFeedback;
import org.peerpulse.indicators.counting.domain.RollupKey;
import org.peerpulse.indicators.counting.domain.SourcePartition;
import org.peerpulse.indicators.counting.domain.SourcePosition;
import org.peerpulse.indicators.counting.domain.VoidedSession;
import org.peerpulse.indicators.counting.domain.WithdrawnFeedback;

/**
 * Voids, withdrawals and copies in every order, and crashes between the steps, on hand-written fakes. The
 * session stream and the feedback stream are folded independently, as two consumers would.
 *
 * <pre>
 * s-1 2026-11-20 30 min peer, strength noted, invitation; f-1 for it: KINDNESS 5, hope 4, harm reported
 * s-2 2026-11-20 45 min peer, invitation;                 f-2 for it: KINDNESS 3, hope 2
 * everything: sessions 2, invitations 2, minutes 75, with strengths 1, responses 2, KINDNESS {3, 5}, harm 1
 * s-1 voided, f-1 withdrawn: sessions 1, invitations 1, minutes 45, responses 1, KINDNESS {3}, hope {2}, harm 0
 * </pre>
 */
class VoidsAndCopiesTest {

    private static final String SESSIONS = "peerpulse.sessions.v1";
    private static final String FEEDBACK = "peerpulse.feedback.v1";
    private static final Cell RIVERA = new Cell("harbor", "warmline", "sp-rivera");
    private static final RollupKey RIVERA_20 = new RollupKey(RIVERA, LocalDate.parse("2026-11-20"));
    private static final AgencyCalendar UTC = new InMemoryAgencies().calendar();

    private final InMemoryCopyWindows windows = new InMemoryCopyWindows();
    private final InMemoryRollups rollups = new InMemoryRollups();
    private final ApplyEvents applyEvents = new ApplyEvents(rollups, windows, UTC, 1_000);

    private static final DayCounts EVERYTHING = new DayCounts(2, 2, 75, 75, 1, 0, 2,
            Map.of("KINDNESS", new RatingTally(0, 0, 1, 0, 1)), new RatingTally(0, 1, 0, 1, 0), 1, Map.of(), Map.of(),
            Map.of("KINDNESS", 2L), Map.of());
    private static final DayCounts S2_AND_F2 = new DayCounts(1, 1, 45, 45, 0, 0, 1,
            Map.of("KINDNESS", RatingTally.of(3)), RatingTally.of(2), 0, Map.of(), Map.of(), Map.of("KINDNESS", 1L),
            Map.of());

    @Test
    void aVoidAndItsWithdrawalTakeOutExactlyWhatTheSessionAndTheAnswerAdded() {
        apply(logged(0, "s-1", 30, true), logged(1, "s-2", 45, false));
        apply(feedback(0, "f-1", 5, 4, true), feedback(1, "f-2", 3, 2, false));
        assertThat(counts()).isEqualTo(EVERYTHING);

        AppliedBatch voided = apply(voided(2, "v-1", "s-1", 30, true));
        AppliedBatch withdrawn = apply(withdrawn(2, "w-1", "f-1", 5, 4, true));

        assertThat(voided.eventsCounted()).isEqualTo(1);
        assertThat(withdrawn.eventsCounted()).isEqualTo(1);
        assertThat(counts()).isEqualTo(S2_AND_F2);
    }

    @Test
    void theStreamsMayArriveInAnyOrderBetweenThem() {
        // The feedback consumer runs ahead of the session consumer: the answer and its withdrawal come first.
        apply(feedback(0, "f-1", 5, 4, true), feedback(1, "f-2", 3, 2, false), withdrawn(2, "w-1", "f-1", 5, 4, true));
        assertThat(counts().responses()).isEqualTo(1);
        assertThat(counts().sessions()).isZero();

        apply(logged(0, "s-1", 30, true), logged(1, "s-2", 45, false), voided(2, "v-1", "s-1", 30, true));

        assertThat(counts()).isEqualTo(S2_AND_F2);
    }

    @Test
    void theSameEventAtNewOffsetsCountsOnce() {
        // s-2 and f-2 are each published twice; in the same batch and in a later one.
        apply(logged(0, "s-1", 30, true), logged(1, "s-2", 45, false), logged(2, "s-2", 45, false));
        apply(feedback(0, "f-2", 3, 2, false), feedback(1, "f-2", 3, 2, false));
        AppliedBatch copies = apply(logged(3, "s-2", 45, false), feedback(2, "f-2", 3, 2, false));

        assertThat(copies.eventsCounted()).isZero();
        assertThat(counts()).isEqualTo(new DayCounts(2, 2, 75, 75, 1, 0, 1, Map.of("KINDNESS", RatingTally.of(3)),
                RatingTally.of(2), 0, Map.of(), Map.of(), Map.of("KINDNESS", 1L), Map.of()));
    }

    @Test
    void aCopyOfAVoidOrAWithdrawalTakesNothingOutTwice() {
        apply(logged(0, "s-1", 30, true), logged(1, "s-2", 45, false), voided(2, "v-1", "s-1", 30, true));
        apply(feedback(0, "f-1", 5, 4, true), feedback(1, "f-2", 3, 2, false), withdrawn(2, "w-1", "f-1", 5, 4, true));

        apply(voided(3, "v-1", "s-1", 30, true));
        apply(withdrawn(3, "w-1", "f-1", 5, 4, true));

        assertThat(counts()).isEqualTo(S2_AND_F2);
    }

    @Test
    void aRestartedConsumerStillRecognisesCopiesOfWhatItReadBefore() {
        apply(logged(0, "s-1", 30, true), logged(1, "s-2", 45, false));

        ApplyEvents restarted = new ApplyEvents(rollups, windows, UTC, 1_000);
        AppliedBatch copy = restarted.apply(batch(logged(2, "s-1", 30, true)));

        assertThat(copy.eventsCounted()).isZero();
        assertThat(counts().sessions()).isEqualTo(2);
    }

    @Test
    void aPartitionTakenOverFromAnotherInstanceIsReadFromTheStore() {
        apply(logged(0, "s-1", 30, true));
        ApplyEvents other = new ApplyEvents(rollups, windows, UTC, 1_000);
        other.apply(batch(logged(1, "s-2", 45, false)));

        // This instance had the partition, lost it (a rebalance) and gets it back.
        applyEvents.forget(List.of(new SourcePartition(SESSIONS, 0)));
        AppliedBatch copy = applyEvents.apply(batch(logged(2, "s-2", 45, false)));

        assertThat(copy.eventsCounted()).isZero();
        assertThat(counts().sessions()).isEqualTo(2);
    }

    @Test
    void theWindowIsBoundedAndItsStoredCopyPrunedAsItMovesOn() {
        ApplyEvents small = new ApplyEvents(rollups, windows, UTC, 4);
        for (long offset = 0; offset < 12; offset++) {
            small.apply(batch(logged(offset, "s-" + offset, 10, false)));
        }

        assertThat(counts().sessions()).isEqualTo(12);
        assertThat(windows.stored.get(new SourcePartition(SESSIONS, 0))).extracting(FirstRead::offset)
                .as("what the window no longer holds is pruned, in steps of half the window")
                .allMatch(offset -> offset >= 6);
        // A copy of an event still in the window is recognised; one of an event long gone would count again.
        assertThat(small.apply(batch(logged(12, "s-11", 10, false))).eventsCounted()).isZero();
    }

    @Test
    void aCrashBeforeTheRollupsIsRepairedByTheRedelivery() {
        rollups.beforeNextApply = () -> {
            throw new IllegalStateException("crash before the rollup write");
        };
        EventBatch batch = batch(logged(0, "s-1", 30, true), logged(1, "s-2", 45, false),
                voided(2, "v-1", "s-1", 30, true));
        assertThatThrownBy(() -> applyEvents.apply(batch)).isInstanceOf(IllegalStateException.class);
        assertThat(rollups.counts).isEmpty();

        applyEvents.apply(batch);

        assertThat(counts()).isEqualTo(new DayCounts(1, 1, 45, 45, 0, 0, 0, Map.of(), null, 0));
    }

    @Test
    void aCrashAfterTheWindowWasStoredIsRepairedByARestartedConsumer() {
        rollups.beforeNextApply = () -> {
            throw new IllegalStateException("killed after the copy window, before the rollups");
        };
        EventBatch batch = batch(logged(0, "s-1", 30, true), logged(1, "s-2", 45, false));
        assertThatThrownBy(() -> applyEvents.apply(batch)).isInstanceOf(IllegalStateException.class);

        new ApplyEvents(rollups, windows, UTC, 1_000).apply(batch);

        assertThat(counts().sessions()).isEqualTo(2);
    }

    @Test
    void aStoreOutageWhileKeepingTheWindowLosesNothingOnTheRetry() {
        InMemoryCopyWindows failingOnce = new InMemoryCopyWindows() {
            private boolean failed;

            @Override
            public void add(SourcePartition partition, List<FirstRead> firstReads) {
                if (!failed) {
                    failed = true;
                    throw new IllegalStateException("store unreachable");
                }
                super.add(partition, firstReads);
            }
        };
        ApplyEvents applying = new ApplyEvents(rollups, failingOnce, UTC, 1_000);
        EventBatch batch = batch(logged(0, "s-1", 30, true));
        assertThatThrownBy(() -> applying.apply(batch)).isInstanceOf(IllegalStateException.class);

        applying.apply(batch);

        assertThat(failingOnce.stored.get(new SourcePartition(SESSIONS, 0)))
                .as("the retry stores the first read the failed attempt could not").hasSize(1);
        assertThat(new ApplyEvents(rollups, failingOnce, UTC, 1_000).apply(batch(logged(1, "s-1", 30, true)))
                .eventsCounted()).isZero();
        assertThat(counts().sessions()).isEqualTo(1);
    }

    @Test
    void aBatchRepeatedAfterItsRollupsWereWrittenChangesNothing() {
        apply(logged(0, "s-1", 30, true), logged(1, "s-2", 45, false));
        apply(feedback(0, "f-1", 5, 4, true), feedback(1, "f-2", 3, 2, false));
        EventBatch voids = batch(voided(2, "v-1", "s-1", 30, true));
        applyEvents.apply(voids);

        assertThat(applyEvents.apply(voids).eventsCounted()).isZero();
        assertThat(counts()).isEqualTo(new DayCounts(1, 1, 45, 45, 0, 0, 2,
                Map.of("KINDNESS", new RatingTally(0, 0, 1, 0, 1)), new RatingTally(0, 1, 0, 1, 0), 1, Map.of(),
                Map.of(), Map.of("KINDNESS", 2L), Map.of()));
    }

    private DayCounts counts() {
        return rollups.counts.getOrDefault(RIVERA_20, DayCounts.NONE);
    }

    private AppliedBatch apply(ConsumedEvent... events) {
        return applyEvents.apply(batch(events));
    }

    private static EventBatch batch(ConsumedEvent... events) {
        return new EventBatch(List.of(events));
    }

    private static ConsumedEvent logged(long offset, String sessionId, int minutes, boolean strengths) {
        return new ConsumedEvent(SourcePosition.of(SESSIONS, 0, offset), session(sessionId, sessionId, minutes,
                strengths));
    }

    private static ConsumedEvent voided(long offset, String name, String sessionId, int minutes, boolean strengths) {
        return new ConsumedEvent(SourcePosition.of(SESSIONS, 0, offset),
                new VoidedSession(id(name), session(name, sessionId, minutes, strengths)));
    }

    private static LoggedSession session(String name, String sessionId, int minutes, boolean strengths) {
        return new LoggedSession(id(name), sessionId, RIVERA, Instant.parse("2026-11-20T09:00:00Z"), minutes, true,
                strengths, false, 1);
    }

    private static ConsumedEvent feedback(long offset, String name, int kindness, int hope, boolean harm) {
        return new ConsumedEvent(SourcePosition.of(FEEDBACK, 0, offset), answer(name, kindness, hope, harm));
    }

    private static ConsumedEvent withdrawn(long offset, String name, String answered, int kindness, int hope,
            boolean harm) {
        return new ConsumedEvent(SourcePosition.of(FEEDBACK, 0, offset),
                new WithdrawnFeedback(id(name), answer(answered, kindness, hope, harm)));
    }

    private static ReceivedFeedback answer(String name, int kindness, int hope, boolean harm) {
        return new ReceivedFeedback(id(name), "s-" + name, RIVERA, Instant.parse("2026-11-20T09:00:00Z"),
                Map.of("KINDNESS", kindness), hope, harm, Instant.parse("2026-11-20T10:00:00Z"));
    }

    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
