package org.peerpulse.feedback.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.peerpulse.feedback.domain.Fixtures.BEFORE_EXPIRY;
import static org.peerpulse.feedback.domain.Fixtures.EXPIRES_AT;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.contracts.FeedbackWithdrawn;
import org.peerpulse.contracts.FrameworkRef;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.feedback.domain.InvitationUnavailableException.Reason;

class InvitationTest {

    private static final UUID EVENT_ID = UUID.fromString("019ac1e3-0a1b-7c2d-9e3f-405162738495");

    @Test
    void anOpenInvitationIsRedeemedIntoAFactWithTheSessionsDimensions() {
        FeedbackSubmitted submitted = Fixtures.openInvitation().redeem(Fixtures.answers(), BEFORE_EXPIRY, EVENT_ID);

        assertThat(submitted).isEqualTo(new FeedbackSubmitted(EVENT_ID, BEFORE_EXPIRY, "harbor", "session-1",
                "warmline", "sp-rivera", Fixtures.SESSION_AT, new FrameworkRef("peer-core-v1", 1),
                Map.of("KINDNESS", 5, "NO_STIGMA", 4), 4, false, "es", "KIOSK", List.of("KINDNESS"), List.of()));
    }

    @Test
    void theFactNeverCarriesTheParticipantsWords() {
        FeedbackSubmitted submitted = Fixtures.openInvitation().redeem(Fixtures.answers(), BEFORE_EXPIRY, EVENT_ID);

        assertThat(submitted.toString()).doesNotContain("They listened to me.").doesNotContain(Fixtures.TOKEN)
                .doesNotContain(Fixtures.openInvitation().tokenHash());
    }

    @Test
    void aUsedInvitationIsRefused() {
        Invitation used = withState(false, BEFORE_EXPIRY);

        assertRefused(used, BEFORE_EXPIRY.plusSeconds(60), Reason.ALREADY_USED);
    }

    @Test
    void aVoidedInvitationIsRefused() {
        assertRefused(withState(true, null), BEFORE_EXPIRY, Reason.VOIDED);
    }

    @Test
    void anInvitationExpiresAtItsExpiryInstant() {
        assertRefused(Fixtures.openInvitation(), EXPIRES_AT, Reason.EXPIRED);
        assertThat(Fixtures.openInvitation().unavailableAt(EXPIRES_AT.minusMillis(1))).isEmpty();
    }

    @Test
    void aUsedTokenSaysSoBeforeItSaysVoidedOrExpired() {
        assertThat(withState(true, BEFORE_EXPIRY).unavailableAt(EXPIRES_AT.plusSeconds(1))).contains(Reason.ALREADY_USED);
        assertThat(withState(true, null).unavailableAt(EXPIRES_AT.plusSeconds(1))).contains(Reason.VOIDED);
    }

    @Test
    void answersMustHaveBeenCheckedAgainstTheInvitationsFramework() {
        Invitation other = new Invitation("a".repeat(64), Fixtures.session(), new FrameworkRef("agency-own", 2),
                EXPIRES_AT, false, null, null, null, null);

        assertThatThrownBy(() -> other.redeem(Fixtures.answers(), BEFORE_EXPIRY, EVENT_ID))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void voidingARedeemedInvitationWithdrawsExactlyTheAnswerItPublished() {
        Invitation open = Fixtures.openInvitation();
        FeedbackSubmitted submitted = open.redeem(Fixtures.answers(), BEFORE_EXPIRY, EVENT_ID);
        Invitation redeemed = redeemed(submitted);
        UUID withdrawalId = UUID.fromString("019ac1e3-4b5c-7d6e-8f70-8192a3b4c5d6");
        Instant now = BEFORE_EXPIRY.plusSeconds(3600);

        Invitation.Voided voided = redeemed.voidWithSession(now, withdrawalId).orElseThrow();

        assertThat(voided.withdrawal()).contains(FeedbackWithdrawn.of(submitted, FeedbackWithdrawn.SESSION_VOIDED,
                withdrawalId, now));
        assertThat(voided.withdrawn()).isEqualTo(new FeedbackWithdrawn(withdrawalId, now, "harbor", EVENT_ID,
                "SESSION_VOIDED", "session-1", "warmline", "sp-rivera", Fixtures.SESSION_AT,
                new FrameworkRef("peer-core-v1", 1), Map.of("KINDNESS", 5, "NO_STIGMA", 4), 4, false, "KIOSK",
                List.of("KINDNESS"), List.of()));
        assertThat(voided.invitation()).isEqualTo(new Invitation(redeemed.tokenHash(), redeemed.session(),
                redeemed.framework(), EXPIRES_AT, true, BEFORE_EXPIRY, redeemed.counted(), null, null));
        assertThat(voided.withdrawn().toString()).doesNotContain("They listened to me.");
    }

    @Test
    void voidingAnOpenInvitationWithdrawsNothingAndItIsThenRefused() {
        Invitation.Voided voided = Fixtures.openInvitation().voidWithSession(BEFORE_EXPIRY, EVENT_ID).orElseThrow();

        assertThat(voided.withdrawal()).isEmpty();
        assertThat(voided.invitation().voided()).isTrue();
        assertThat(voided.invitation().redeemedAt()).isNull();
        assertRefused(voided.invitation(), BEFORE_EXPIRY, Reason.VOIDED);
    }

    @Test
    void aVoidedInvitationIsNotVoidedAgainSoNothingIsWithdrawnTwice() {
        Invitation redeemed = redeemed(Fixtures.openInvitation().redeem(Fixtures.answers(), BEFORE_EXPIRY, EVENT_ID));
        Invitation voided = redeemed.voidWithSession(BEFORE_EXPIRY, UUID.randomUUID()).orElseThrow().invitation();

        assertThat(voided.voidWithSession(BEFORE_EXPIRY.plusSeconds(1), UUID.randomUUID())).isEmpty();
        assertThat(withState(true, null).voidWithSession(BEFORE_EXPIRY, UUID.randomUUID())).isEmpty();
    }

    @Test
    void anInvitationRedeemedBeforeItsAnswerWasKeptIsVoidedWithoutAWithdrawalItCouldNotName() {
        Invitation.Voided voided = withState(false, BEFORE_EXPIRY).voidWithSession(BEFORE_EXPIRY, EVENT_ID)
                .orElseThrow();

        assertThat(voided.invitation().voided()).isTrue();
        assertThat(voided.withdrawal()).isEmpty();
    }

    @Test
    void onlyARedeemedInvitationCountsAnAnswer() {
        CountedAnswer answer = new CountedAnswer(EVENT_ID, Map.of(), null, false, "en", "OWN_DEVICE");
        Invitation open = Fixtures.openInvitation();

        assertThatThrownBy(() -> new Invitation(open.tokenHash(), open.session(), open.framework(), EXPIRES_AT, false,
                null, answer, null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Invitation redeemed(FeedbackSubmitted submitted) {
        Invitation open = Fixtures.openInvitation();
        return new Invitation(open.tokenHash(), open.session(), open.framework(), EXPIRES_AT, false,
                submitted.occurredAt(), CountedAnswer.of(submitted), null, null);
    }

    private static Invitation withState(boolean voided, java.time.Instant redeemedAt) {
        Invitation open = Fixtures.openInvitation();
        return new Invitation(open.tokenHash(), open.session(), Frameworks.PEER_CORE_V1.ref(), EXPIRES_AT, voided,
                redeemedAt, null, null, null);
    }

    private static void assertRefused(Invitation invitation, java.time.Instant now, Reason reason) {
        assertThatThrownBy(() -> invitation.redeem(Fixtures.answers(), now, EVENT_ID))
                .isInstanceOfSatisfying(InvitationUnavailableException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(reason));
    }
}
