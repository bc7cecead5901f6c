package org.peerpulse.feedback.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.contracts.InvitationTokens;
import org.peerpulse.feedback.domain.ArrivalWindow;
import org.peerpulse.feedback.domain.CountedAnswer;
import org.peerpulse.feedback.domain.Fixtures;
import org.peerpulse.feedback.domain.HarmAnswer;
import org.peerpulse.feedback.domain.InvalidAnswersException;
import org.peerpulse.feedback.domain.Invitation;
import org.peerpulse.feedback.domain.InvitationToken;
import org.peerpulse.feedback.domain.InvitationUnavailableException;
import org.peerpulse.feedback.domain.InvitationUnavailableException.Reason;
import org.peerpulse.feedback.persistence.BuiltInFrameworks;

class SubmitFeedbackTest {

    private final Clock clock = Clock.fixed(Fixtures.BEFORE_EXPIRY, ZoneOffset.UTC);
    private final InMemoryInvitations invitations = new InMemoryInvitations();
    private final SubmitFeedback submitFeedback = new SubmitFeedback(invitations, new BuiltInFrameworks(),
            new ArrivalWindow(Duration.ofMinutes(10), Duration.ofMinutes(1)), clock);
    private final Invitation invitation = Fixtures.openInvitation();

    @Test
    void redeemsAndQueuesOneFactStampedByTheClock() {
        invitations.addAllIfAbsent(List.of(invitation));

        submitFeedback.submit(command(Map.of("KINDNESS", 5)));

        assertThat(invitations.published).singleElement().isInstanceOfSatisfying(FeedbackSubmitted.class,
                submitted -> {
                    assertThat(submitted.occurredAt()).isEqualTo(Fixtures.BEFORE_EXPIRY);
                    assertThat(submitted.eventId().version()).isEqualTo(7);
                    assertThat(submitted.ratings()).isEqualTo(Map.of("KINDNESS", 5));
                });
        Invitation redeemed = invitations.withTokenHash(invitation.tokenHash()).orElseThrow();
        assertThat(redeemed.redeemedAt()).isEqualTo(Fixtures.BEFORE_EXPIRY);
        assertThat(redeemed.counted().submittedEventId()).isEqualTo(invitations.published.get(0).eventId());
    }

    @Test
    void anUnknownTokenIsRefused() {
        assertRefused(Reason.UNKNOWN);
    }

    @Test
    void anUnknownTokenIssuedMomentsAgoIsNotYetKnownAndStoresNothing() {
        String fresh = InvitationTokens.issue(Fixtures.BEFORE_EXPIRY.minusSeconds(3));

        assertThatThrownBy(() -> submitFeedback.submit(command(fresh, Map.of("KINDNESS", 5))))
                .isInstanceOfSatisfying(InvitationUnavailableException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.NOT_YET_KNOWN));
        assertThat(invitations.byHash).isEmpty();
        assertThat(invitations.published).isEmpty();
    }

    @Test
    void anUnknownTokenOlderThanTheWindowOrFromTheFutureIsUnknown() {
        for (Instant issued : new Instant[] {Fixtures.BEFORE_EXPIRY.minus(Duration.ofMinutes(11)),
                Fixtures.BEFORE_EXPIRY.plus(Duration.ofMinutes(2))}) {
            assertThatThrownBy(() -> submitFeedback.submit(command(InvitationTokens.issue(issued), Map.of())))
                    .isInstanceOfSatisfying(InvitationUnavailableException.class,
                            refused -> assertThat(refused.reason()).isEqualTo(Reason.UNKNOWN));
        }
    }

    @Test
    void invalidAnswersStoreAndPublishNothing() {
        invitations.addAllIfAbsent(List.of(invitation));

        assertThatThrownBy(() -> submitFeedback.submit(command(Map.of("KINDNESS", 6))))
                .isInstanceOf(InvalidAnswersException.class);
        assertThat(invitations.published).isEmpty();
        assertThat(invitations.withTokenHash(invitation.tokenHash()).orElseThrow().redeemedAt()).isNull();
    }

    @Test
    void losingARaceToAParallelSubmissionIsAConflict() {
        invitations.addAllIfAbsent(List.of(invitation));
        invitations.beforeRedeem = () -> invitations.byHash.put(invitation.tokenHash(), new Invitation(
                invitation.tokenHash(), invitation.session(), invitation.framework(), invitation.expiresAt(), false,
                Fixtures.BEFORE_EXPIRY, new CountedAnswer(UUID.randomUUID(), Map.of(), null, false, "en",
                        "OWN_DEVICE"), null, null));

        assertRefused(Reason.ALREADY_USED);
        assertThat(invitations.published).isEmpty();
    }

    @Test
    void aSessionVoidedWhileTheFormWasFilledInIsGone() {
        invitations.addAllIfAbsent(List.of(invitation));
        invitations.beforeRedeem = () -> invitations.voidNow(invitation.tokenHash());

        assertRefused(Reason.VOIDED);
    }

    private void assertRefused(Reason reason) {
        assertThatThrownBy(() -> submitFeedback.submit(command(Map.of("KINDNESS", 5))))
                .isInstanceOfSatisfying(InvitationUnavailableException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(reason));
    }

    private static SubmitFeedback.Command command(Map<String, Integer> ratings) {
        return command(Fixtures.TOKEN, ratings);
    }

    private static SubmitFeedback.Command command(String token, Map<String, Integer> ratings) {
        return new SubmitFeedback.Command(InvitationToken.of(token), ratings, 4,
                new HarmAnswer(false, null), "private words", null, null);
    }
}
