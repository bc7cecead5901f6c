package org.peerpulse.feedback.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.contracts.FeedbackWithdrawn;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.InvitationTokens;
import org.peerpulse.contracts.PeerPulseEvent;
import org.peerpulse.feedback.domain.ArrivalWindow;
import org.peerpulse.feedback.domain.Fixtures;
import org.peerpulse.feedback.domain.FormSettings;
import org.peerpulse.feedback.domain.HarmAnswer;
import org.peerpulse.feedback.domain.Invitation;
import org.peerpulse.feedback.domain.InvalidAnswer;
import org.peerpulse.feedback.domain.InvalidAnswersException;
import org.peerpulse.feedback.domain.InvitationToken;
import org.peerpulse.feedback.domain.InvitationUnavailableException;
import org.peerpulse.feedback.domain.InvitationUnavailableException.Reason;
import org.peerpulse.feedback.domain.InvitedSession;
import org.peerpulse.feedback.domain.ValueRotation;
import org.peerpulse.feedback.persistence.BuiltInFrameworks;

/**
 * Following the session stream with a hand-written store: a poll's invitations are learned in one write, its
 * reissues and voids applied in order after them, each counted answer of a voided session withdrawn exactly
 * once, however the void and the answer interleave, and a fresh link working only where the link it replaces
 * gave way unanswered, however often the reissue comes and wherever it is cut off.
 */
class FollowSessionsTest {

    private static final Instant NOW = Fixtures.BEFORE_EXPIRY;
    /** What an invitation learned without rotation asks: every value and principle item. */
    private static final List<String> EVERY_ITEM = ValueRotation.everyItem(Frameworks.PEER_CORE_V1);

    private static final String FRESH_TOKEN = InvitationTokens.issue(NOW);
    private static final String FRESH_HASH = InvitationTokens.hashOf(FRESH_TOKEN);

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryInvitations invitations = new InMemoryInvitations();
    private final InMemoryRotationCursors cursors = new InMemoryRotationCursors();
    /** Each agency's value items per form; an agency not here asks every item. */
    private final Map<String, Integer> perForm = new HashMap<>();
    private final FollowSessions followSessions = new FollowSessions(invitations, new BuiltInFrameworks(),
            agency -> new FormSettings(List.of("en"), Map.of(), perForm.get(agency)), cursors, clock);
    private final SubmitFeedback submitFeedback = new SubmitFeedback(invitations, new BuiltInFrameworks(),
            new ArrivalWindow(Duration.ofMinutes(10), Duration.ofMinutes(1)), clock);
    private final Invitation invitation = Fixtures.openInvitation();

    @Test
    void aPollsInvitationsAreLearnedInOneWriteAndOneAlreadyKnownStaysAsItIs() {
        follow(List.of(issued(invitation)), List.of());
        submitFeedback.submit(answer());
        Invitation redeemed = invitations.withTokenHash(invitation.tokenHash()).orElseThrow();
        Invitation other = Invitation.issued("b".repeat(64), new InvitedSession("sunrise", "session-2", "drop-in",
                "sp-okafor", Fixtures.SESSION_AT), Frameworks.PEER_CORE_V1.ref(), Fixtures.EXPIRES_AT, EVERY_ITEM);

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

    @Test
    void aReissuedUnansweredLinkStopsWorkingAndItsFreshLinkWorksOnceInstead() {
        follow(List.of(issued(invitation)), List.of());

        follow(List.of(), List.of(reissue()));

        assertThatThrownBy(() -> submitFeedback.submit(answer()))
                .isInstanceOfSatisfying(InvitationUnavailableException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.REPLACED));
        submitFeedback.submit(answer(FRESH_TOKEN));
        assertThatThrownBy(() -> submitFeedback.submit(answer(FRESH_TOKEN)))
                .isInstanceOfSatisfying(InvitationUnavailableException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.ALREADY_USED));
        assertThat(invitations.published).singleElement().isInstanceOf(FeedbackSubmitted.class);
        assertThat(invitations.ofSession("harbor", "session-1")).hasSize(2);
    }

    @Test
    void aReissueDeliveredAgainChangesNothing() {
        follow(List.of(issued(invitation)), List.of(reissue()));
        submitFeedback.submit(answer(FRESH_TOKEN));
        Invitation answered = invitations.withTokenHash(FRESH_HASH).orElseThrow();
        Invitation replaced = invitations.withTokenHash(invitation.tokenHash()).orElseThrow();

        follow(List.of(issued(invitation)), List.of(reissue(), reissue()));

        assertThat(invitations.withTokenHash(FRESH_HASH)).contains(answered);
        assertThat(invitations.withTokenHash(invitation.tokenHash())).contains(replaced);
        assertThat(invitations.published).hasSize(1);
    }

    @Test
    void aReissueCutOffBetweenItsTwoWritesIsFinishedWhenItComesAgain() {
        follow(List.of(issued(invitation)), List.of());
        invitations.failNextInsert = true;

        assertThatThrownBy(() -> follow(List.of(), List.of(reissue()))).isInstanceOf(IllegalStateException.class);
        assertThat(invitations.withTokenHash(invitation.tokenHash()).orElseThrow().replacedBy()).isEqualTo(FRESH_HASH);
        assertThat(invitations.withTokenHash(FRESH_HASH)).isEmpty();
        follow(List.of(), List.of(reissue()));

        assertThat(invitations.withTokenHash(FRESH_HASH).orElseThrow().unavailableAt(NOW)).isEmpty();
    }

    @Test
    void aLinkAnsweredBeforeItsReissueKeepsItsAnswerAndItsFreshLinkNeverWorks() {
        follow(List.of(issued(invitation)), List.of());
        submitFeedback.submit(answer());

        follow(List.of(), List.of(reissue()));

        assertFreshLinkRefused(Reason.NOT_NEEDED);
        assertThat(invitations.withTokenHash(invitation.tokenHash()).orElseThrow().counted()).isNotNull();
        assertThat(invitations.published).singleElement().isInstanceOf(FeedbackSubmitted.class);
    }

    @Test
    void anAnswerStoredBetweenTheReissuesReadAndItsWriteWinsAndTheFreshLinkNeverWorks() {
        follow(List.of(issued(invitation)), List.of());
        invitations.beforeMarkReplaced = () -> submitFeedback.submit(answer());

        follow(List.of(), List.of(reissue()));

        assertFreshLinkRefused(Reason.NOT_NEEDED);
        assertThat(invitations.withTokenHash(invitation.tokenHash()).orElseThrow().retired()).isNull();
        assertThat(invitations.published).singleElement().isInstanceOf(FeedbackSubmitted.class);
    }

    @Test
    void aReissueAfterTheVoidLearnsTheFreshLinkVoided() {
        follow(List.of(issued(invitation)), List.of(voidedSession(), reissue()));

        assertFreshLinkRefused(Reason.VOIDED);
        assertThat(invitations.published).isEmpty();
    }

    @Test
    void aVoidAfterAReissueEndsTheFreshLinkAndWithdrawsItsAnswer() {
        follow(List.of(issued(invitation)), List.of(reissue()));
        submitFeedback.submit(answer(FRESH_TOKEN));

        follow(List.of(), List.of(voidedSession()));

        assertThat(invitations.ofSession("harbor", "session-1")).hasSize(2).allMatch(Invitation::voided);
        assertThat(invitations.published).hasSize(2).last().isInstanceOfSatisfying(FeedbackWithdrawn.class,
                withdrawn -> assertThat(withdrawn.withdrawnEventId()).isEqualTo(invitations.published.get(0).eventId()));
    }

    @Test
    void aVoidInTheSamePollAsTheReissueAfterItEndsTheFreshLinkToo() {
        follow(List.of(issued(invitation)), List.of(reissue(), voidedSession()));

        assertFreshLinkRefused(Reason.VOIDED);
        assertThat(invitations.withTokenHash(invitation.tokenHash()).orElseThrow().voided()).isTrue();
    }

    @Test
    void aReissueNamingALinkOfAnotherAgencyRetiresNothingThereAndItsFreshLinkNeverWorks() {
        Invitation sunrise = Invitation.issued(invitation.tokenHash(), new InvitedSession("sunrise", "session-1",
                "drop-in", "sp-okafor", Fixtures.SESSION_AT), Frameworks.PEER_CORE_V1.ref(), Fixtures.EXPIRES_AT,
                EVERY_ITEM);
        follow(List.of(issued(sunrise)), List.of());

        follow(List.of(), List.of(reissue()));

        assertThat(invitations.withTokenHash(invitation.tokenHash())).contains(sunrise);
        assertFreshLinkRefused(Reason.NOT_NEEDED);
    }

    @Test
    void aFreshLinkReplacedInTurnHandsItsPlaceOn() {
        String third = InvitationTokens.issue(NOW);
        follow(List.of(issued(invitation)), List.of(reissue()));

        follow(List.of(), List.of(new FollowSessions.ReissuedLinks("harbor", "session-1", List.of(
                new FollowSessions.FreshLink(FRESH_HASH, new FollowSessions.IssuedInvitation(
                        InvitationTokens.hashOf(third), Fixtures.session(), Frameworks.PEER_CORE_V1.ref(),
                        Fixtures.EXPIRES_AT))))));

        assertFreshLinkRefused(Reason.REPLACED);
        submitFeedback.submit(answer(third));
        assertThat(invitations.published).hasSize(1);
    }

    @Test
    void anAgencyThatRotatesAsksEachInvitationTheNextValueItemsAndEveryPrinciple() {
        perForm.put("harbor", 3);
        List<Invitation> group = group("harbor", "session-9", 3);

        follow(group.stream().map(FollowSessionsTest::issued).toList(), List.of());

        assertThat(group).extracting(link -> asked(link.tokenHash())).containsExactly(
                rotated("GIVING_BACK", "COURAGE", "KINDNESS"),
                rotated("CAUTION", "HELPFULNESS", "CREATIVITY"),
                rotated("GENTLENESS", "EMPATHY", "GIVING_BACK"));
        assertThat(cursors.slots).containsExactly(Map.entry("harbor", 9L));
        assertThat(cursors.advances).as("one cursor write for the batch").isEqualTo(1);
    }

    @Test
    void aRedeliveredSessionTakesNoSecondPlaceInTheRotation() {
        perForm.put("harbor", 3);
        List<Invitation> group = group("harbor", "session-9", 2);
        List<FollowSessions.IssuedInvitation> issued = group.stream().map(FollowSessionsTest::issued).toList();
        follow(issued, List.of());
        Map<String, Invitation> learned = Map.copyOf(invitations.byHash);

        follow(List.of(issued.get(0), issued.get(1), issued.get(0)), List.of());
        Invitation next = group("harbor", "session-10", 1).get(0);
        follow(List.of(issued(next), issued(next)), List.of());

        assertThat(invitations.byHash).containsAllEntriesOf(learned);
        assertThat(cursors.slots).containsExactly(Map.entry("harbor", 9L));
        assertThat(asked(next.tokenHash())).isEqualTo(rotated("GENTLENESS", "EMPATHY", "GIVING_BACK"));
    }

    @Test
    void anAgencyThatDoesNotRotateAsksEveryItemAndMovesNoCursor() {
        perForm.put("sunrise", 8);
        follow(List.of(issued(invitation), issued(group("sunrise", "session-9", 1).get(0))), List.of());

        assertThat(invitations.byHash.values()).extracting(Invitation::itemsAsked).containsOnly(EVERY_ITEM);
        assertThat(cursors.advances).isZero();
    }

    @Test
    void aFormKeepsItsItemsWhenTheAgencyChangesItsSettingsAndAFreshLinkAsksWhatItReplaces() {
        perForm.put("harbor", 4);
        follow(List.of(issued(invitation)), List.of());
        List<String> asked = asked(invitation.tokenHash());

        perForm.put("harbor", 2);
        follow(List.of(), List.of(reissue()));

        assertThat(asked).isEqualTo(rotated("GIVING_BACK", "COURAGE", "KINDNESS", "CAUTION"));
        assertThat(asked(invitation.tokenHash())).isEqualTo(asked);
        assertThat(asked(FRESH_HASH)).isEqualTo(asked);
    }

    @Test
    void anItemTheFormDidNotAskIsRefusedAndTheAnswerNamesTheItemsAsked() {
        perForm.put("harbor", 4);
        follow(List.of(issued(invitation)), List.of());

        assertThatThrownBy(() -> submitFeedback.submit(new SubmitFeedback.Command(InvitationToken.of(Fixtures.TOKEN),
                Map.of("KINDNESS", 5, "EMPATHY", 4), 4, null, null, "en", null)))
                .isInstanceOfSatisfying(InvalidAnswersException.class, invalid -> assertThat(invalid.answers())
                        .extracting(InvalidAnswer::field).containsExactly("ratings.EMPATHY"));
        assertThat(invitations.published).isEmpty();
        assertThat(invitations.withTokenHash(invitation.tokenHash()).orElseThrow().redeemedAt()).isNull();

        submitFeedback.submit(answer());
        follow(List.of(), List.of(voidedSession()));

        assertThat(invitations.published).hasSize(2);
        assertThat(((FeedbackSubmitted) invitations.published.get(0)).itemsAsked())
                .isEqualTo(rotated("GIVING_BACK", "COURAGE", "KINDNESS", "CAUTION"));
        assertThat(((FeedbackWithdrawn) invitations.published.get(1)).itemsAsked())
                .isEqualTo(rotated("GIVING_BACK", "COURAGE", "KINDNESS", "CAUTION"));
    }

    private List<String> asked(String tokenHash) {
        return invitations.withTokenHash(tokenHash).orElseThrow().itemsAsked();
    }

    /** The values given, then the five principles: what a rotated form asks. */
    private static List<String> rotated(String... values) {
        List<String> asked = new ArrayList<>(List.of(values));
        asked.addAll(List.of("SAFE_ATMOSPHERE", "RECOVERY_FOCUS", "GENUINE_ROLE", "NO_STIGMA", "STRENGTH_BASED"));
        return asked;
    }

    private static List<Invitation> group(String agency, String sessionId, int attendees) {
        return IntStream.range(0, attendees).mapToObj(i -> Invitation.issued(
                InvitationTokens.hashOf(InvitationTokens.issue(NOW)), new InvitedSession(agency, sessionId, "warmline",
                        "sp-rivera", Fixtures.SESSION_AT), Frameworks.PEER_CORE_V1.ref(), Fixtures.EXPIRES_AT))
                .toList();
    }

    private void assertFreshLinkRefused(Reason reason) {
        assertThatThrownBy(() -> submitFeedback.submit(answer(FRESH_TOKEN)))
                .isInstanceOfSatisfying(InvitationUnavailableException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(reason));
    }

    /** The fixtures' link replaced by {@link #FRESH_TOKEN}'s. */
    private static FollowSessions.ReissuedLinks reissue() {
        return new FollowSessions.ReissuedLinks("harbor", "session-1", List.of(new FollowSessions.FreshLink(
                Fixtures.openInvitation().tokenHash(), new FollowSessions.IssuedInvitation(FRESH_HASH,
                        Fixtures.session(), Frameworks.PEER_CORE_V1.ref(), Fixtures.EXPIRES_AT))));
    }

    private void follow(List<FollowSessions.IssuedInvitation> issued,
            List<? extends FollowSessions.SessionChange> changes) {
        followSessions.follow(new FollowSessions.Batch(issued, List.copyOf(changes)));
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
