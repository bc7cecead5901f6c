package org.peerpulse.feedback.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.peerpulse.feedback.domain.Fixtures.BEFORE_EXPIRY;
import static org.peerpulse.feedback.domain.Fixtures.EXPIRES_AT;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.feedback.domain.Invitation.Replacement;
import org.peerpulse.feedback.domain.Invitation.Retirement;
import org.peerpulse.feedback.domain.InvitationUnavailableException.Reason;

/**
 * The reissue rule: a fresh link works only in the place of a link that gives way while unanswered, so a
 * session never has more working links than it counted invitations, however the reissue and the answers meet.
 */
class InvitationReplacementTest {

    private static final Instant FRESH_EXPIRY = EXPIRES_AT.plusSeconds(3600);
    private static final UUID EVENT_ID = UUID.fromString("019ac1e3-0a1b-7c2d-9e3f-405162738495");

    private final Invitation old = Fixtures.openInvitation();
    private final Invitation fresh = link('f');

    @Test
    void anUnansweredLinkGivesWayItStopsWorkingAndTheFreshOneWorksInstead() {
        Replacement replacement = old.replaceWith(fresh);

        Invitation retired = replacement.toRetire().orElseThrow();
        assertThat(retired).isEqualTo(new Invitation(old.tokenHash(), old.session(), old.framework(), EXPIRES_AT,
                false, null, null, Retirement.REPLACED, fresh.tokenHash()));
        assertThat(retired.unavailableAt(BEFORE_EXPIRY)).contains(Reason.REPLACED);
        assertThatThrownBy(() -> retired.redeem(Fixtures.answers(), BEFORE_EXPIRY, EVENT_ID))
                .isInstanceOfSatisfying(InvitationUnavailableException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.REPLACED));
        assertThat(replacement.fresh()).isEqualTo(fresh);
        assertThat(replacement.fresh().unavailableAt(BEFORE_EXPIRY)).isEmpty();
    }

    @Test
    void aLinkThatExpiredUnansweredGivesWayTooSoTheParticipantCanStillAnswer() {
        Replacement replacement = old.replaceWith(fresh);

        assertThat(old.unavailableAt(EXPIRES_AT)).contains(Reason.EXPIRED);
        assertThat(replacement.toRetire()).isPresent();
        assertThat(replacement.fresh().unavailableAt(EXPIRES_AT)).isEmpty();
    }

    @Test
    void anAnsweredLinkKeepsItsAnswerAndItsReplacementNeverWorks() {
        FeedbackSubmitted submitted = old.redeem(Fixtures.answers(), BEFORE_EXPIRY, EVENT_ID);
        Invitation answered = new Invitation(old.tokenHash(), old.session(), old.framework(), EXPIRES_AT, false,
                BEFORE_EXPIRY, CountedAnswer.of(submitted), null, null);

        Replacement replacement = answered.replaceWith(fresh);

        assertThat(replacement.toRetire()).isEmpty();
        assertThat(replacement.fresh().retired()).isEqualTo(Retirement.NOT_NEEDED);
        assertThat(replacement.fresh().unavailableAt(BEFORE_EXPIRY)).contains(Reason.NOT_NEEDED);
    }

    @Test
    void theFreshLinkOfAVoidedSessionIsBornVoided() {
        Invitation voided = old.voidWithSession(BEFORE_EXPIRY, EVENT_ID).orElseThrow().invitation();

        Replacement replacement = voided.replaceWith(fresh);

        assertThat(replacement.toRetire()).isEmpty();
        assertThat(replacement.fresh().voided()).isTrue();
        assertThat(replacement.fresh().unavailableAt(BEFORE_EXPIRY)).contains(Reason.VOIDED);
        assertThat(replacement.fresh().voidWithSession(BEFORE_EXPIRY, EVENT_ID)).isEmpty();
    }

    @Test
    void theSameReissueAgainFindsItsOwnReplacementDoneAndTheFreshLinkStillWorks() {
        Invitation retired = old.replaceWith(fresh).toRetire().orElseThrow();

        Replacement again = retired.replaceWith(fresh);

        assertThat(again.toRetire()).isEmpty();
        assertThat(again.fresh()).isEqualTo(fresh);
    }

    @Test
    void aLinkAlreadyReplacedByAnotherOrItselfNotNeededGivesNoPlaceToASecondFreshLink() {
        Invitation retired = old.replaceWith(fresh).toRetire().orElseThrow();
        Invitation notNeeded = Replacement.ofUnknown(link('e')).fresh();

        assertThat(retired.replaceWith(link('d'))).satisfies(second -> {
            assertThat(second.toRetire()).isEmpty();
            assertThat(second.fresh().unavailableAt(BEFORE_EXPIRY)).contains(Reason.NOT_NEEDED);
        });
        assertThat(notNeeded.replaceWith(link('d')).fresh().retired()).isEqualTo(Retirement.NOT_NEEDED);
    }

    @Test
    void aLinkNotKnownInItsSessionGivesNoPlaceSoTheFreshOneNeverWorks() {
        Replacement replacement = Replacement.ofUnknown(fresh);

        assertThat(replacement.toRetire()).isEmpty();
        assertThat(replacement.fresh().unavailableAt(BEFORE_EXPIRY)).contains(Reason.NOT_NEEDED);
    }

    @Test
    void aFreshLinkCanItselfBeReplacedLater() {
        Invitation working = old.replaceWith(fresh).fresh();
        Invitation third = link('c');

        Replacement replacement = working.replaceWith(third);

        assertThat(replacement.toRetire().orElseThrow().replacedBy()).isEqualTo(third.tokenHash());
        assertThat(replacement.fresh().unavailableAt(BEFORE_EXPIRY)).isEmpty();
    }

    @Test
    void voidingTheSessionOfAReplacedLinkEndsItAsVoidedAndWithdrawsNothing() {
        Invitation retired = old.replaceWith(fresh).toRetire().orElseThrow();

        Invitation.Voided voided = retired.voidWithSession(BEFORE_EXPIRY, EVENT_ID).orElseThrow();

        assertThat(voided.withdrawal()).isEmpty();
        assertThat(voided.invitation().retired()).isEqualTo(Retirement.REPLACED);
        assertThat(voided.invitation().unavailableAt(BEFORE_EXPIRY)).contains(Reason.VOIDED);
    }

    @Test
    void aFreshLinkAsksAboutTheSessionAsTheLinkItReplacesKnewIt() {
        Invitation disagreeing = Invitation.issued(fresh.tokenHash(), new InvitedSession("harbor", "session-1",
                "drop-in", "sp-okafor", Fixtures.SESSION_AT.plusSeconds(60)), fresh.framework(), FRESH_EXPIRY);

        Invitation placed = old.replaceWith(disagreeing).fresh();

        assertThat(placed).isEqualTo(fresh);
        assertThat(placed.session()).isEqualTo(old.session());
    }

    @Test
    void aFreshLinkCarriesTheValuesTheSpecialistPracticedAsTheLinkItReplacesKnewThem() {
        // A reissue does not say which values were practiced: the fresh link is learned without them.
        Invitation reissued = Invitation.issued(fresh.tokenHash(), new InvitedSession("harbor", "session-1",
                "warmline", "sp-rivera", Fixtures.SESSION_AT), fresh.framework(), FRESH_EXPIRY);
        assertThat(reissued.session().valuesPracticed()).isEmpty();

        Invitation placed = old.replaceWith(reissued).fresh();
        FeedbackSubmitted answered = placed.redeem(Fixtures.answers(), BEFORE_EXPIRY, UUID.randomUUID());

        assertThat(placed.session().valuesPracticed()).containsExactly("KINDNESS");
        assertThat(answered.valuesPracticed()).containsExactly("KINDNESS");
    }

    @Test
    void onlyAFreshLinkOfTheSameSessionReplacesAndNeverTheLinkItself() {
        Invitation otherSession = Invitation.issued("b".repeat(64),
                new InvitedSession("harbor", "session-2", "warmline", "sp-rivera", Fixtures.SESSION_AT),
                Frameworks.PEER_CORE_V1.ref(), FRESH_EXPIRY);
        Invitation notFresh = Replacement.ofUnknown(fresh).fresh();

        assertThatThrownBy(() -> old.replaceWith(old)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> old.replaceWith(otherSession)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> old.replaceWith(notFresh)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Invitation(old.tokenHash(), old.session(), old.framework(), EXPIRES_AT, false,
                null, null, Retirement.REPLACED, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Invitation(old.tokenHash(), old.session(), old.framework(), EXPIRES_AT, false,
                BEFORE_EXPIRY, null, Retirement.NOT_NEEDED, null)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A fresh link of the fixtures' session whose hash is 64 times {@code digit}. */
    private static Invitation link(char digit) {
        return Invitation.issued(String.valueOf(digit).repeat(64), Fixtures.session(), Frameworks.PEER_CORE_V1.ref(),
                FRESH_EXPIRY);
    }
}
