package org.peerpulse.feedback.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.contracts.FeedbackWithdrawn;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.InvitationTokens;
import org.peerpulse.contracts.PeerPulseEvent;
import org.peerpulse.feedback.domain.ArrivalWindow;
import org.peerpulse.feedback.domain.Fixtures;
import org.peerpulse.feedback.domain.HarmAnswer;
import org.peerpulse.feedback.domain.Invitation;
import org.peerpulse.feedback.domain.InvitationToken;
import org.peerpulse.feedback.domain.InvitationUnavailableException;
import org.peerpulse.feedback.domain.InvitationUnavailableException.Reason;
import org.peerpulse.feedback.domain.InvitedSession;
import org.peerpulse.feedback.persistence.BuiltInFrameworks;

/**
 * Following the session stream with a hand-written store: a poll's invitations are learned in one write, its
 * voids applied in order after them, and each counted answer of a voided session withdrawn exactly once,
 * however the void and the answer interleave.
 */
class FollowSessionsTest {

    private static final Instant NOW = Fixtures.BEFORE_EXPIRY;

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryInvitations invitations = new InMemoryInvitations();
    private final FollowSessions followSessions = new FollowSessions(invitations, clock);
    private final SubmitFeedback submitFeedback = new SubmitFeedback(invitations, new BuiltInFrameworks(),
            new ArrivalWindow(Duration.ofMinutes(10), Duration.ofMinutes(1)), clock);
    private final Invitation invitation = Fixtures.openInvitation();

    @Test
    void aPollsInvitationsAreLearnedInOneWriteAndOneAlreadyKnownStaysAsItIs() {
        follow(List.of(issued(invitation)), List.of());
        submitFeedback.submit(answer());
        Invitation redeemed = invitations.withTokenHash(invitation.tokenHash()).orElseThrow();
        Invitation other = Invitation.issued("b".repeat(64), new InvitedSession("sunrise", "session-2", "drop-in",
                "sp-okafor", Fixtures.SESSION_AT), Frameworks.PEER_CORE_V1.ref(), Fixtures.EXPIRES_AT);

        follow(List.of(issued(invitation), issued(other), issued(other)), List.of());

        assertThat(invitations.inserts).isEqualTo(2);
        assertThat(invitations.byHash).containsOnlyKeys(invitation.tokenHash(), other.tokenHash());
        assertThat(invitations.withTokenHash(invitation.tokenHash())).contains(redeemed);
        assertThat(invitations.withTokenHash(other.tokenHash())).contains(other);
    }

    @Test
    void aVoidAfterAnAnswerWithdrawsItOnceEvenWhenTheVoidIsRepeated() {
        follow(List.of(issued(invitation)), List.of());
        submitFeedback.submit(answer());
        FeedbackSubmitted submitted = (FeedbackSubmitted) invitations.published.get(0);

        follow(List.of(), List.of(voidedSession()));
        follow(List.of(issued(invitation)), List.of(voidedSession(), voidedSession()));

        assertThat(invitations.published).hasSize(2).last().isInstanceOfSatisfying(FeedbackWithdrawn.class,
                withdrawn -> {
                    assertThat(withdrawn).isEqualTo(FeedbackWithdrawn.of(submitted, FeedbackWithdrawn.SESSION_VOIDED,
                            withdrawn.eventId(), NOW));
                    assertThat(withdrawn.eventId()).isNotEqualTo(submitted.eventId());
                    assertThat(withdrawn.eventId().version()).isEqualTo(7);
                });
        assertThat(invitations.withTokenHash(invitation.tokenHash()).orElseThrow().voided()).isTrue();
    }

    @Test
    void aGroupSessionsLinksAreEachAnsweredOnceAndItsVoidWithdrawsEveryCountedAnswerOnce() {
        List<String> tokens = List.of(InvitationTokens.issue(NOW), InvitationTokens.issue(NOW),
                InvitationTokens.issue(NOW));
        follow(tokens.stream().map(token -> new FollowSessions.IssuedInvitation(InvitationTokens.hashOf(token),
                Fixtures.session(), Frameworks.PEER_CORE_V1.ref(), Fixtures.EXPIRES_AT)).toList(), List.of());
        submitFeedback.submit(answer(tokens.get(0)));
        submitFeedback.submit(answer(tokens.get(1)));
        assertThatThrownBy(() -> submitFeedback.submit(answer(tokens.get(0))))
                .isInstanceOfSatisfying(InvitationUnavailableException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.ALREADY_USED));
        List<PeerPulseEvent> answered = List.copyOf(invitations.published);

        follow(List.of(), List.of(voidedSession()));
        follow(List.of(), List.of(voidedSession()));

        assertThat(answered).hasSize(2).allSatisfy(event -> assertThat(event).isInstanceOf(FeedbackSubmitted.class));
        assertThat(invitations.published.subList(2, invitations.published.size()))
                .extracting(event -> ((FeedbackWithdrawn) event).withdrawnEventId())
                .containsExactlyInAnyOrder(answered.get(0).eventId(), answered.get(1).eventId());
        assertThat(invitations.ofSession("harbor", "session-1")).hasSize(3).allMatch(Invitation::voided);
        assertThatThrownBy(() -> submitFeedback.submit(answer(tokens.get(2))))
                .isInstanceOfSatisfying(InvitationUnavailableException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.VOIDED));
    }

    @Test
    void aVoidBeforeTheAnswerWithdrawsNothingAndTheAnswerIsRefused() {
        follow(List.of(issued(invitation)), List.of(voidedSession()));

        assertThatThrownBy(() -> submitFeedback.submit(answer()))
                .isInstanceOfSatisfying(InvitationUnavailableException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.VOIDED));
        assertThat(invitations.published).isEmpty();
    }

    @Test
    void anAnswerStoredBetweenTheVoidsReadAndItsWriteIsSeenAndWithdrawn() {
        follow(List.of(issued(invitation)), List.of());
        invitations.beforeMarkVoided = () -> submitFeedback.submit(answer());

        follow(List.of(), List.of(voidedSession()));

        assertThat(invitations.published).hasSize(2);
        assertThat(invitations.published.get(0)).isInstanceOf(FeedbackSubmitted.class);
        assertThat(invitations.published.get(1)).isInstanceOfSatisfying(FeedbackWithdrawn.class,
                withdrawn -> assertThat(withdrawn.withdrawnEventId())
                        .isEqualTo(invitations.published.get(0).eventId()));
    }

    @Test
    void aVoidStoredByAnotherInstanceInTheMeantimeLeavesNothingToDo() {
        follow(List.of(issued(invitation)), List.of());
        submitFeedback.submit(answer());
        invitations.beforeMarkVoided = () -> invitations.voidNow(invitation.tokenHash());

        follow(List.of(), List.of(voidedSession()));

        assertThat(invitations.published).singleElement().isInstanceOf(FeedbackSubmitted.class);
        assertThat(invitations.withTokenHash(invitation.tokenHash()).orElseThrow().voided()).isTrue();
    }

    @Test
    void aPollThatLogsAndVoidsASessionLearnsItsInvitationFirst() {
        follow(List.of(issued(invitation)), List.of(voidedSession()));

        assertThat(invitations.withTokenHash(invitation.tokenHash()).orElseThrow().voided()).isTrue();
        assertThat(invitations.published).isEmpty();
    }

    @Test
    void aVoidOfAnotherAgencysSessionOfTheSameIdTouchesNothing() {
        follow(List.of(issued(invitation)), List.of(new FollowSessions.VoidedSession("sunrise", "session-1")));

        assertThat(invitations.withTokenHash(invitation.tokenHash()).orElseThrow().voided()).isFalse();
    }

    private void follow(List<FollowSessions.IssuedInvitation> issued, List<FollowSessions.VoidedSession> voided) {
        followSessions.follow(new FollowSessions.Batch(issued, voided));
    }

    private static FollowSessions.IssuedInvitation issued(Invitation invitation) {
        return new FollowSessions.IssuedInvitation(invitation.tokenHash(), invitation.session(),
                invitation.framework(), invitation.expiresAt());
    }

    private static FollowSessions.VoidedSession voidedSession() {
        return new FollowSessions.VoidedSession("harbor", "session-1");
    }

    private static SubmitFeedback.Command answer() {
        return answer(Fixtures.TOKEN);
    }

    private static SubmitFeedback.Command answer(String token) {
        return new SubmitFeedback.Command(InvitationToken.of(token), Map.of("KINDNESS", 5), 4,
                new HarmAnswer(false, null), null, "es", null);
    }
}
