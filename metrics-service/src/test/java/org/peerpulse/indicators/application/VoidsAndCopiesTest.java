package org.peerpulse.indicators.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peerpulse.indicators.domain.AgencyCalendar;
import org.peerpulse.indicators.domain.Cell;
import org.peerpulse.indicators.domain.ConsumedEvent;
import org.peerpulse.indicators.domain.DayCounts;
import org.peerpulse.indicators.domain.LoggedSession;
import org.peerpulse.indicators.domain.RatingTally;
import org.peerpulse.indicators.domain.ReceivedFeedback;
import org.peerpulse.indicators.domain.RollupKey;
import org.peerpulse.indicators.domain.SourcePosition;
import org.peerpulse.indicators.domain.VoidedSession;

/**
 * Voids, feedback and copies in every order, and crashes between the steps, on hand-written fakes.
 *
 * <pre>
 * s-1 2026-11-20 30 min peer, strength noted, invitation; f-1 for it: KINDNESS 5, hope 4, harm reported
 * s-2 2026-11-20 45 min peer, invitation;                 f-2 for it: KINDNESS 3, hope 2
 * everything: sessions 2, invitations 2, minutes 75, with strengths 1, responses 2, KINDNESS {3, 5}, harm 1
 * s-1 voided: sessions 1, invitations 1, minutes 45, with strengths 0, responses 1, KINDNESS {3}, hope {2}, harm 0
 * </pre>
 */
class VoidsAndCopiesTest {

    private static final String SESSIONS = "peerpulse.sessions.v1";
    private static final String FEEDBACK = "peerpulse.feedback.v1";
    private static final Cell RIVERA = new Cell("harbor", "warmline", "sp-rivera");
    private static final RollupKey RIVERA_20 = new RollupKey(RIVERA, LocalDate.parse("2026-11-20"));

    private final InMemoryFacts facts = new InMemoryFacts();
    private final InMemoryRollups rollups = new InMemoryRollups();
    private final ApplyEvents applyEvents = new ApplyEvents(facts, rollups, new AgencyCalendar(Map.of()));

    private static final DayCounts S2_AND_F2 = new DayCounts(1, 1, 45, 45, 0, 0, 1, Map.of("KINDNESS", RatingTally.of(3)),
            RatingTally.of(2), 0);

    @Test
    void aVoidAfterTheFeedbackTakesOutBoth() {
        apply(logged(0, "s-1", 30, true), logged(1, "s-2", 45, false));
        apply(feedback(0, "f-1", "s-1", 5, 4, true), feedback(1, "f-2", "s-2", 3, 2, false));
        assertThat(counts()).isEqualTo(new DayCounts(2, 2, 75, 75, 1, 0, 2,
                Map.of("KINDNESS", new RatingTally(0, 0, 1, 0, 1)), new RatingTally(0, 1, 0, 1, 0), 1));

        AppliedBatch voided = apply(voided(2, "v-1", "s-1"));

        assertThat(voided.eventsCounted()).isEqualTo(1);
        assertThat(counts()).isEqualTo(S2_AND_F2);
    }

    @Test
    void feedbackAfterTheVoidAddsNothing() {
        apply(logged(0, "s-1", 30, true), logged(1, "s-2", 45, false), voided(2, "v-1", "s-1"));

        AppliedBatch late = apply(feedback(0, "f-1", "s-1", 5, 4, true), feedback(1, "f-2", "s-2", 3, 2, false));

        assertThat(late.eventsCounted()).isEqualTo(1);
        assertThat(counts()).isEqualTo(S2_AND_F2);
    }

    @Test
    void feedbackBeforeItsSessionCountsOnTheSessionsDayAndLeavesWithTheVoid() {
        apply(feedback(0, "f-1", "s-1", 5, 4, true));
        assertThat(counts().responses()).isEqualTo(1);
        assertThat(counts().sessions()).isZero();

        apply(logged(0, "s-1", 30, true));
        assertThat(counts()).isEqualTo(new DayCounts(1, 1, 30, 30, 1, 0, 1, Map.of("KINDNESS", RatingTally.of(5)),
                RatingTally.of(4), 1));

        apply(voided(1, "v-1", "s-1"));
        assertThat(counts().sessions()).isZero();
        assertThat(counts().responses()).isZero();
        assertThat(counts().harmReports()).isZero();
        assertThat(counts().item("KINDNESS").isEmpty()).isTrue();
    }

    @Test
    void theSameEventAtNewOffsetsCountsOnce() {
        // s-2 and f-2 are each published twice; in the same batch and in a later one.
        apply(logged(0, "s-1", 30, true), logged(1, "s-2", 45, false), logged(2, "s-2", 45, false));
        apply(feedback(0, "f-2", "s-2", 3, 2, false), feedback(1, "f-2", "s-2", 3, 2, false));
        AppliedBatch copies = apply(logged(3, "s-2", 45, false), feedback(2, "f-2", "s-2", 3, 2, false));

        assertThat(copies.eventsCounted()).isZero();
        assertThat(counts()).isEqualTo(new DayCounts(2, 2, 75, 75, 1, 0, 1, Map.of("KINDNESS", RatingTally.of(3)),
                RatingTally.of(2), 0));
    }

    @Test
    void aCopyOfTheVoidTakesNothingOutTwice() {
        apply(logged(0, "s-1", 30, true), logged(1, "s-2", 45, false));
        apply(feedback(0, "f-1", "s-1", 5, 4, true), feedback(1, "f-2", "s-2", 3, 2, false));
        apply(voided(2, "v-1", "s-1"));

        apply(voided(3, "v-1", "s-1"), voided(4, "v-2", "s-1"));

        assertThat(counts()).isEqualTo(S2_AND_F2);
    }

    @Test
    void aCrashAfterTheFactsAndBeforeTheRollupsIsRepairedByTheRedelivery() {
        rollups.beforeNextApply = () -> {
            throw new IllegalStateException("crash before the rollup write");
        };
        EventBatch batch = batch(logged(0, "s-1", 30, true), logged(1, "s-2", 45, false), voided(2, "v-1", "s-1"));
        assertThatThrownBy(() -> applyEvents.apply(batch)).isInstanceOf(IllegalStateException.class);
        assertThat(facts.sessions).hasSize(2);
        assertThat(rollups.counts).isEmpty();

        applyEvents.apply(batch);

        assertThat(counts()).isEqualTo(new DayCounts(1, 1, 45, 45, 0, 0, 0, Map.of(), null, 0));
    }

    @Test
    void aBatchRepeatedAfterItsRollupsWereWrittenChangesNothing() {
        apply(logged(0, "s-1", 30, true), logged(1, "s-2", 45, false));
        apply(feedback(0, "f-1", "s-1", 5, 4, true), feedback(1, "f-2", "s-2", 3, 2, false));
        EventBatch voids = batch(voided(2, "v-1", "s-1"));
        applyEvents.apply(voids);

        assertThat(applyEvents.apply(voids)).isEqualTo(AppliedBatch.NOTHING);
        assertThat(counts()).isEqualTo(S2_AND_F2);
    }

    @Test
    void aVoidBetweenAFeedbacksClaimAndItsRollupWriteEvensOutOnTheRedelivery() {
        apply(logged(0, "s-1", 30, true));
        EventBatch feedback = batch(feedback(0, "f-1", "s-1", 5, 4, true));
        rollups.beforeNextApply = () -> {
            throw new IllegalStateException("crash before the rollup write");
        };
        assertThatThrownBy(() -> applyEvents.apply(feedback)).isInstanceOf(IllegalStateException.class);

        // The void finds f-1 counted and takes it out before f-1 was ever put in: for a moment -1.
        apply(voided(1, "v-1", "s-1"));
        assertThat(counts().responses()).isEqualTo(-1);

        applyEvents.apply(feedback);
        assertThat(counts().responses()).isZero();
        assertThat(counts().harmReports()).isZero();
        assertThat(counts().item("KINDNESS").isEmpty()).isTrue();
        assertThat(counts().sessions()).isZero();
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
        return new ConsumedEvent(SourcePosition.of(SESSIONS, 0, offset), new LoggedSession(id(sessionId), sessionId,
                RIVERA, Instant.parse("2026-11-20T09:00:00Z"), minutes, true, strengths, false, true));
    }

    private static ConsumedEvent voided(long offset, String name, String sessionId) {
        return new ConsumedEvent(SourcePosition.of(SESSIONS, 0, offset),
                new VoidedSession(id(name), sessionId, RIVERA, Instant.parse("2026-11-20T09:00:00Z")));
    }

    private static ConsumedEvent feedback(long offset, String name, String sessionId, int kindness, int hope,
            boolean harm) {
        return new ConsumedEvent(SourcePosition.of(FEEDBACK, 0, offset), new ReceivedFeedback(id(name), sessionId,
                RIVERA, Instant.parse("2026-11-20T09:00:00Z"), Map.of("KINDNESS", kindness), hope, harm,
                Instant.parse("2026-11-20T10:00:00Z")));
    }

    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
