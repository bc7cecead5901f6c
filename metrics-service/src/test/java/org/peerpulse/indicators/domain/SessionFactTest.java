package org.peerpulse.indicators.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * What each event of a session counts, decided from the facts alone. Numbers: the session is 40 minutes
 * of peer work with a strength noted and an invitation; its feedback rates KINDNESS 5 and EMPATHY 2, hope
 * 4, and reports harm.
 */
class SessionFactTest {

    private static final Cell CELL = new Cell("harbor", "warmline", "sp-rivera");
    private static final SessionRef SESSION = new SessionRef("harbor", "s-1");
    private static final Instant AT = Instant.parse("2026-11-20T14:30:00Z");
    private static final RollupKey DAY = new RollupKey(CELL, LocalDate.parse("2026-11-20"));
    private static final UUID LOGGED_ID = UUID.fromString("019a0000-0000-7000-8000-000000000001");
    private static final UUID VOID_ID = UUID.fromString("019a0000-0000-7000-8000-000000000002");
    private static final UUID FEEDBACK_ID = UUID.fromString("019a0000-0000-7000-8000-000000000003");

    private static final ConsumedEvent LOGGED = new ConsumedEvent(SourcePosition.of("sessions", 0, 10),
            new LoggedSession(LOGGED_ID, "s-1", CELL, AT, 40, true, true, false, true));
    private static final ConsumedEvent VOIDED = new ConsumedEvent(SourcePosition.of("sessions", 0, 12),
            new VoidedSession(VOID_ID, "s-1", CELL, AT));
    private static final ConsumedEvent FEEDBACK = new ConsumedEvent(SourcePosition.of("feedback", 0, 7),
            new ReceivedFeedback(FEEDBACK_ID, "s-1", CELL, AT, Map.of("KINDNESS", 5, "EMPATHY", 2), 4, true, AT));
    private static final Map<UUID, FeedbackFact> FEEDBACK_FACTS = Map.of(FEEDBACK_ID, FeedbackFact.of(FEEDBACK, DAY));

    private static final DayCounts SESSION_COUNTS = new DayCounts(1, 1, 40, 40, 1, 0, 0, Map.of(), null, 0);
    private static final DayCounts FEEDBACK_COUNTS = new DayCounts(0, 0, 0, 0, 0, 0, 1,
            Map.of("KINDNESS", RatingTally.of(5), "EMPATHY", RatingTally.of(2)), RatingTally.of(4), 1);

    @Test
    void aLoggedSessionCountsItsOwnNumbersOnItsDay() {
        SessionFact fact = SessionFact.unknown(SESSION).after(LOGGED, DAY);

        assertThat(fact.logged().counted()).isTrue();
        assertThat(fact.contributionsOf(LOGGED, Map.of()))
                .containsExactly(new Contribution(DAY, LOGGED.position(), SESSION_COUNTS));
    }

    @Test
    void feedbackCountsOnlyWhenItsIdIsOnTheSession() {
        SessionFact claimed = new SessionFact(SESSION, null, null, Set.of(FEEDBACK_ID));

        assertThat(claimed.contributionsOf(FEEDBACK, FEEDBACK_FACTS))
                .containsExactly(new Contribution(DAY, FEEDBACK.position(), FEEDBACK_COUNTS));
        // Not on the session: it arrived after the void, so it never counts.
        assertThat(SessionFact.unknown(SESSION).after(VOIDED, DAY).contributionsOf(FEEDBACK, FEEDBACK_FACTS)).isEmpty();
    }

    @Test
    void aVoidTakesOutTheSessionAndEveryCountedFeedbackExactly() {
        SessionFact fact = new SessionFact(SESSION, null, null, Set.of(FEEDBACK_ID)).after(LOGGED, DAY).after(VOIDED, DAY);

        List<Contribution> takenOut = fact.contributionsOf(VOIDED, FEEDBACK_FACTS);

        // -1 session, -1 invitation, -40 minutes (all peer), -1 with strengths; -1 response, KINDNESS 5 and
        // EMPATHY 2 and hope 4 out of their tallies, -1 harm report; all at the void's own position.
        assertThat(takenOut).containsExactly(
                new Contribution(DAY, VOIDED.position(), new DayCounts(-1, -1, -40, -40, -1, 0, 0, Map.of(), null, 0)),
                new Contribution(DAY, VOIDED.position(), new DayCounts(0, 0, 0, 0, 0, 0, -1,
                        Map.of("KINDNESS", new RatingTally(0, 0, 0, 0, -1), "EMPATHY", new RatingTally(0, -1, 0, 0, 0)),
                        new RatingTally(0, 0, 0, -1, 0), -1)));
        DayCounts net = SESSION_COUNTS.plus(FEEDBACK_COUNTS).plus(takenOut.get(0).increment())
                .plus(takenOut.get(1).increment());
        assertThat(net.sessions()).isZero();
        assertThat(net.minutes()).isZero();
        assertThat(net.responses()).isZero();
        assertThat(net.harmReports()).isZero();
        assertThat(net.item("KINDNESS").isEmpty()).isTrue();
        assertThat(net.hope().isEmpty()).isTrue();
    }

    @Test
    void aVoidReadBeforeItsSessionLeavesTheSessionUncountedAndTakesNothingOut() {
        SessionFact fact = SessionFact.unknown(SESSION).after(VOIDED, DAY).after(LOGGED, DAY);

        assertThat(fact.logged().counted()).isFalse();
        assertThat(fact.contributionsOf(LOGGED, Map.of())).isEmpty();
        assertThat(fact.contributionsOf(VOIDED, Map.of())).isEmpty();
    }

    @Test
    void aCopyAtANewOffsetAndASecondVoidChangeNothing() {
        ConsumedEvent loggedAgain = new ConsumedEvent(SourcePosition.of("sessions", 0, 11), LOGGED.event());
        ConsumedEvent voidedAgain = new ConsumedEvent(SourcePosition.of("sessions", 0, 13), VOIDED.event());
        ConsumedEvent secondVoid = new ConsumedEvent(SourcePosition.of("sessions", 0, 14),
                new VoidedSession(UUID.randomUUID(), "s-1", CELL, AT));
        ConsumedEvent feedbackAgain = new ConsumedEvent(SourcePosition.of("feedback", 0, 9), FEEDBACK.event());

        SessionFact fact = new SessionFact(SESSION, null, null, Set.of(FEEDBACK_ID))
                .after(LOGGED, DAY).after(loggedAgain, DAY).after(VOIDED, DAY).after(voidedAgain, DAY)
                .after(secondVoid, DAY);

        assertThat(fact.logged().event().position()).isEqualTo(LOGGED.position());
        assertThat(fact.voided().eventId()).isEqualTo(VOID_ID);
        assertThat(fact.contributionsOf(loggedAgain, Map.of())).isEmpty();
        assertThat(fact.contributionsOf(voidedAgain, FEEDBACK_FACTS)).isEmpty();
        assertThat(fact.contributionsOf(secondVoid, FEEDBACK_FACTS)).isEmpty();
        assertThat(fact.contributionsOf(feedbackAgain, FEEDBACK_FACTS)).isEmpty();
        // The records first read still decide the same as the first time.
        assertThat(fact.contributionsOf(LOGGED, Map.of())).hasSize(1);
        assertThat(fact.contributionsOf(VOIDED, FEEDBACK_FACTS)).hasSize(2);
    }

    @Test
    void sessionChangesSetOnlyWhatWasAbsent() {
        SessionFact logged = SessionFact.unknown(SESSION).after(LOGGED, DAY);
        SessionFact voided = logged.after(VOIDED, DAY);

        assertThat(SessionChange.between(logged, voided)).isEqualTo(new SessionChange(SESSION, null, voided.voided()));
        assertThat(SessionChange.between(SessionFact.unknown(SESSION), voided))
                .isEqualTo(new SessionChange(SESSION, logged.logged(), voided.voided()));
        assertThat(SessionChange.between(voided, voided)).isNull();
    }
}
