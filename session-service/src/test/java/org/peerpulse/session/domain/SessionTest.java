package org.peerpulse.session.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.Activity;
import org.peerpulse.contracts.Channel;
import org.peerpulse.contracts.FocusArea;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.InvitationsReissued;
import org.peerpulse.contracts.SessionContribution;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.SessionVoided;

class SessionTest {

    private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration NINETY_DAYS = Duration.ofDays(90);

    private final InvitationToken token = InvitationToken.issue(NOW);
    private final List<InvitationToken> tokens = List.of(token);
    private static final Session.Actor PEER = new Session.Actor("harbor-peer", false, "sp-rivera");
    private static final Session.Actor LEAD = new Session.Actor("a-lead", true, null);

    @Test
    void loggingHandsBackTheFactWithTheInvitationHashAndNeverTheToken() {
        UUID sessionId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        Session.Logged logged = Session.log(details(NOW.minusSeconds(1800), List.of("KINDNESS")), tokens, WEEK,
                NINETY_DAYS, NOW, sessionId, eventId);

        SessionLogged event = logged.event();
        assertThat(event.eventId()).isEqualTo(eventId);
        assertThat(event.sessionId()).isEqualTo(sessionId.toString());
        assertThat(event.occurredAt()).isEqualTo(NOW);
        assertThat(event.sessionAt()).isEqualTo(NOW.minusSeconds(1800));
        assertThat(event.invitation().tokenHash()).isEqualTo(token.hash()).isNotEqualTo(token.value());
        assertThat(event.invitation().expiresAt()).isEqualTo(Instant.parse("2026-11-27T15:00:00Z"));
        assertThat(event.toString()).doesNotContain(token.value());
        assertThat(logged.session().invitations()).containsExactly(
                new Session.Invitation(token.hash(), Instant.parse("2026-11-27T15:00:00Z")));
        SessionLogged.InvitationIssued issued = new SessionLogged.InvitationIssued(token.hash(),
                Instant.parse("2026-11-27T15:00:00Z"));
        assertThat(event).isEqualTo(new SessionLogged(eventId, NOW, "harbor", sessionId.toString(), "warmline",
                "sp-rivera", NOW.minusSeconds(1800), 45, Channel.PHONE, Activity.PEER_SUPPORT,
                List.of(FocusArea.RECOVERY_GOALS), true, List.of("KINDNESS"), Frameworks.PEER_CORE_V1.ref(),
                issued, List.of(issued)));
        assertThat(event.toString()).doesNotContain("pseudonym").doesNotContain("persistence");
    }

    @Test
    void theEventSaysOnlyWhetherAStrengthWasNoted() {
        SessionDetails noTags = SessionDetails.of("harbor", "warmline", "sp-rivera", "pseudonym", NOW, 45,
                Channel.PHONE, Activity.PEER_SUPPORT, List.of(), List.of(), List.of(), Frameworks.PEER_CORE_V1,
                "harbor-peer");
        Session.Logged logged = Session.log(noTags, tokens, WEEK, NINETY_DAYS, NOW, UUID.randomUUID(),
                UUID.randomUUID());

        assertThat(logged.event().strengthsAcknowledged()).isFalse();
        assertThat(logged.session().contribution().strengthsAcknowledged()).isFalse();
    }

    @Test
    void aSessionCannotHappenInTheFuture() {
        assertThatThrownBy(() -> Session.log(details(NOW.plusSeconds(60), List.of()), tokens, WEEK, NINETY_DAYS, NOW,
                UUID.randomUUID(), UUID.randomUUID()))
                .isInstanceOfSatisfying(InvalidSessionException.class,
                        e -> assertThat(e.field()).isEqualTo("occurredAt"));
    }

    @Test
    void aSessionOlderThanTheWindowIsRejected() {
        assertThatThrownBy(() -> Session.log(details(NOW.minus(Duration.ofDays(91)), List.of()), tokens, WEEK,
                NINETY_DAYS, NOW, UUID.randomUUID(), UUID.randomUUID()))
                .isInstanceOf(InvalidSessionException.class)
                .hasMessageContaining("90 days");
    }

    @Test
    void valuesPractisedMustBeValuesOfTheFramework() {
        assertThatThrownBy(() -> details(NOW, List.of("KINDNESS", "SAFE_ATMOSPHERE")))
                .isInstanceOfSatisfying(InvalidSessionException.class,
                        e -> assertThat(e.field()).isEqualTo("valuesPracticed"));
    }

    @Test
    void durationIsOneToFourHundredEightyMinutes() {
        assertThatThrownBy(() -> SessionDetails.of("harbor", "warmline", "sp-1", "p", NOW, 481, Channel.PHONE,
                Activity.PEER_SUPPORT, List.of(), List.of(), List.of(), Frameworks.PEER_CORE_V1, "client"))
                .isInstanceOf(InvalidSessionException.class);
        assertThat(SessionDetails.of("harbor", "warmline", "sp-1", "p", NOW, 480, Channel.PHONE,
                Activity.PEER_SUPPORT, List.of(), List.of(), List.of(), Frameworks.PEER_CORE_V1, "client")
                .durationMinutes()).isEqualTo(480);
    }

    @Test
    void repeatedTagsAreKeptOnce() {
        SessionDetails details = SessionDetails.of("harbor", "warmline", "sp-1", "p", NOW, 30, Channel.PHONE,
                Activity.PEER_SUPPORT, List.of(FocusArea.WELLNESS, FocusArea.WELLNESS), List.of("humor", " humor"),
                List.of("EMPATHY", "EMPATHY"), Frameworks.PEER_CORE_V1, "client");
        assertThat(details.focusAreas()).containsExactly(FocusArea.WELLNESS);
        assertThat(details.strengthsNoted()).containsExactly("humor");
        assertThat(details.valuesPracticed()).containsExactly("EMPATHY");
    }

    @Test
    void voidingHandsBackTheFactWithWhatTheSessionContributedButNotTheReasonAndHappensOnce() {
        Session.Logged logged = Session.log(details(NOW.minusSeconds(1800), List.of("KINDNESS")), tokens, WEEK, NINETY_DAYS,
                NOW, UUID.randomUUID(), UUID.randomUUID());
        Session session = logged.session();
        UUID eventId = UUID.randomUUID();

        Session.Voided voided = session.voidBy(PEER, "entered twice",
                NOW.plusSeconds(60), eventId);

        assertThat(voided.session().voided()).isTrue();
        assertThat(voided.session().voiding().reason()).isEqualTo("entered twice");
        assertThat(voided.session().toString()).doesNotContain("entered twice");
        assertThat(voided.event()).isEqualTo(new SessionVoided(eventId, NOW.plusSeconds(60), "harbor",
                session.sessionId(), "warmline", "sp-rivera", NOW.minusSeconds(1800),
                new SessionContribution(45, Activity.PEER_SUPPORT, List.of(FocusArea.RECOVERY_GOALS), true, 1,
                        List.of("KINDNESS"))));
        assertThat(voided.event().contributed()).isEqualTo(logged.event().contribution());
        assertThat(voided.event().toString()).doesNotContain("entered twice");
        assertThatThrownBy(() -> voided.session().voidBy(LEAD, "again", NOW,
                UUID.randomUUID())).isInstanceOf(SessionAlreadyVoidedException.class);
    }

    @Test
    void onlyAQualityLeadOrTheSpecialistItIsAttributedToMayVoidAndOnlyWithAReason() {
        Session session = Session.log(details(NOW.minusSeconds(1800), List.of()), tokens, WEEK, NINETY_DAYS, NOW,
                UUID.randomUUID(), UUID.randomUUID()).session();

        assertThatThrownBy(() -> session.voidBy(new Session.Actor("harbor-peer", false, "sp-okafor"), "not mine",
                NOW, UUID.randomUUID())).isInstanceOf(AttributionRefusedException.class);
        // Whoever's token logged it, a specialist token without a specialist id acts for no one.
        assertThatThrownBy(() -> session.voidBy(new Session.Actor("harbor-peer", false, null), "mine?", NOW,
                UUID.randomUUID())).isInstanceOf(AttributionRefusedException.class);
        assertThat(session.voidBy(new Session.Actor("someone-else", false, "sp-rivera"), "entered twice", NOW,
                UUID.randomUUID()).session().voiding().by()).isEqualTo("someone-else");
        assertThat(session.voidBy(LEAD, "wrong program", NOW, UUID.randomUUID())
                .session().voiding().by()).isEqualTo("a-lead");
        assertThatThrownBy(() -> session.voidBy(LEAD, " ", NOW, UUID.randomUUID()))
                .isInstanceOf(InvalidSessionException.class);
        assertThatThrownBy(() -> session.voidBy(LEAD, "x".repeat(501), NOW,
                UUID.randomUUID())).isInstanceOf(InvalidSessionException.class);
    }

    @Test
    void aGroupSessionIssuesOneInvitationPerAttendeeAndCountsThemAll() {
        List<InvitationToken> three = List.of(InvitationToken.issue(NOW), InvitationToken.issue(NOW),
                InvitationToken.issue(NOW));

        Session.Logged logged = Session.log(details(NOW.minusSeconds(1800), List.of()), three, WEEK, NINETY_DAYS,
                NOW, UUID.randomUUID(), UUID.randomUUID());

        Instant expiresAt = NOW.plus(WEEK);
        assertThat(logged.session().invitations()).extracting(Session.Invitation::tokenHash)
                .containsExactly(three.get(0).hash(), three.get(1).hash(), three.get(2).hash());
        assertThat(logged.session().invitations()).extracting(Session.Invitation::expiresAt).containsOnly(expiresAt);
        assertThat(logged.event().invitations()).containsExactly(
                new SessionLogged.InvitationIssued(three.get(0).hash(), expiresAt),
                new SessionLogged.InvitationIssued(three.get(1).hash(), expiresAt),
                new SessionLogged.InvitationIssued(three.get(2).hash(), expiresAt));
        assertThat(logged.event().invitation()).isEqualTo(logged.event().invitations().get(0));
        assertThat(logged.event().contribution().invitations()).isEqualTo(3);
        assertThat(logged.session().contribution()).isEqualTo(logged.event().contribution());
        three.forEach(each -> assertThat(logged.event().toString()).doesNotContain(each.value()));
    }

    @Test
    void aGroupIsOneToThirtyAttendees() {
        SessionDetails details = details(NOW.minusSeconds(1800), List.of());
        List<InvitationToken> thirtyOne = java.util.stream.Stream.generate(() -> InvitationToken.issue(NOW))
                .limit(31).toList();

        assertThatThrownBy(() -> Session.log(details, List.of(), WEEK, NINETY_DAYS, NOW, UUID.randomUUID(),
                UUID.randomUUID())).isInstanceOfSatisfying(InvalidSessionException.class,
                        e -> assertThat(e.field()).isEqualTo("attendees"));
        assertThatThrownBy(() -> Session.log(details, thirtyOne, WEEK, NINETY_DAYS, NOW, UUID.randomUUID(),
                UUID.randomUUID())).isInstanceOfSatisfying(InvalidSessionException.class,
                        e -> assertThat(e.field()).isEqualTo("attendees"));
        assertThat(Session.log(details, thirtyOne.subList(0, 30), WEEK, NINETY_DAYS, NOW, UUID.randomUUID(),
                UUID.randomUUID()).session().invitations()).hasSize(30);
    }

    @Test
    void reissuingPairsEachLinkWithItsReplacementInTheSameSlot() {
        List<InvitationToken> first = List.of(InvitationToken.issue(NOW), InvitationToken.issue(NOW));
        Session session = Session.log(details(NOW.minusSeconds(1800), List.of()), first, WEEK, NINETY_DAYS, NOW,
                UUID.randomUUID(), UUID.randomUUID()).session();
        Instant later = NOW.plusSeconds(3600);
        List<InvitationToken> fresh = List.of(InvitationToken.issue(later), InvitationToken.issue(later));
        UUID eventId = UUID.randomUUID();

        Session.Reissued reissued = session.reissue(PEER, fresh, WEEK, later, eventId);

        assertThat(reissued.replaced()).isEqualTo(session.invitations());
        assertThat(reissued.session().invitations()).containsExactly(
                new Session.Invitation(fresh.get(0).hash(), later.plus(WEEK)),
                new Session.Invitation(fresh.get(1).hash(), later.plus(WEEK)));
        assertThat(reissued.session().sessionId()).isEqualTo(session.sessionId());
        assertThat(reissued.session().details()).isEqualTo(session.details());
        assertThat(reissued.event()).isEqualTo(new InvitationsReissued(eventId, later, "harbor", session.sessionId(),
                "warmline", "sp-rivera", NOW.minusSeconds(1800), Frameworks.PEER_CORE_V1.ref(), List.of(
                        new InvitationsReissued.Replacement(first.get(0).hash(), fresh.get(0).hash(), later.plus(WEEK)),
                        new InvitationsReissued.Replacement(first.get(1).hash(), fresh.get(1).hash(),
                                later.plus(WEEK)))));
        fresh.forEach(each -> assertThat(reissued.event().toString()).doesNotContain(each.value()));
        // The indicators still count the session's two invitations: a reissue invites no one new.
        assertThat(reissued.session().contribution()).isEqualTo(session.contribution());
        assertThat(session.reissue(LEAD, fresh, WEEK, later, UUID.randomUUID()).session().invitations())
                .isEqualTo(reissued.session().invitations());
    }

    @Test
    void onlyALeadOrTheSessionsSpecialistReissuesAndNeverForAVoidedSession() {
        Session session = Session.log(details(NOW.minusSeconds(1800), List.of()), tokens, WEEK, NINETY_DAYS, NOW,
                UUID.randomUUID(), UUID.randomUUID()).session();
        List<InvitationToken> fresh = List.of(InvitationToken.issue(NOW));

        assertThatThrownBy(() -> session.reissue(new Session.Actor("harbor-peer", false, "sp-okafor"), fresh, WEEK,
                NOW, UUID.randomUUID())).isInstanceOf(AttributionRefusedException.class);
        assertThatThrownBy(() -> session.reissue(PEER, List.of(), WEEK, NOW, UUID.randomUUID()))
                .isInstanceOf(IllegalArgumentException.class);
        Session voided = session.voidBy(LEAD, "logged twice", NOW, UUID.randomUUID()).session();
        assertThatThrownBy(() -> voided.reissue(PEER, fresh, WEEK, NOW, UUID.randomUUID()))
                .isInstanceOf(SessionAlreadyVoidedException.class);
        assertThatThrownBy(() -> voided.reissue(LEAD, fresh, WEEK, NOW, UUID.randomUUID()))
                .isInstanceOf(SessionAlreadyVoidedException.class);
    }

    @Test
    void theFingerprintOfAGroupNamesItsSizeAndOfOneIsAsBefore() {
        SessionDetails details = details(NOW, List.of("KINDNESS"));

        assertThat(details.fingerprint(1)).isEqualTo(details.fingerprint());
        assertThat(details.fingerprint(2)).isNotEqualTo(details.fingerprint()).isNotEqualTo(details.fingerprint(3));
    }

    @Test
    void theFingerprintFollowsWhatWouldBeStored() {
        SessionDetails details = details(NOW, List.of("KINDNESS"));
        SessionDetails sameAfterNormalising = SessionDetails.of("harbor", "warmline", "sp-rivera", "pseudonym", NOW,
                45, Channel.PHONE, Activity.PEER_SUPPORT, List.of(FocusArea.RECOVERY_GOALS, FocusArea.RECOVERY_GOALS),
                List.of(" persistence"), List.of("KINDNESS"), Frameworks.PEER_CORE_V1, "harbor-peer");
        SessionDetails splitTag = SessionDetails.of("harbor", "warmline", "sp-rivera", "pseudonym", NOW, 45,
                Channel.PHONE, Activity.PEER_SUPPORT, List.of(FocusArea.RECOVERY_GOALS), List.of("a, b"),
                List.of("KINDNESS"), Frameworks.PEER_CORE_V1, "harbor-peer");
        SessionDetails twoTags = SessionDetails.of("harbor", "warmline", "sp-rivera", "pseudonym", NOW, 45,
                Channel.PHONE, Activity.PEER_SUPPORT, List.of(FocusArea.RECOVERY_GOALS), List.of("a", "b"),
                List.of("KINDNESS"), Frameworks.PEER_CORE_V1, "harbor-peer");

        assertThat(details.fingerprint()).matches("[0-9a-f]{64}").isEqualTo(sameAfterNormalising.fingerprint());
        assertThat(details(NOW.minusSeconds(1), List.of("KINDNESS")).fingerprint()).isNotEqualTo(details.fingerprint());
        assertThat(splitTag.fingerprint()).isNotEqualTo(twoTags.fingerprint());
    }

    @Test
    void aSearchRefusesAnInvertedRangeAndPagesOutOfBounds() {
        java.time.LocalDate day = java.time.LocalDate.parse("2026-11-20");
        assertThat(new SessionSearch("harbor", null, null, day, day, 0, 100).skip()).isZero();
        assertThat(new SessionSearch("harbor", null, null, null, null, 3, 20).skip()).isEqualTo(60);
        assertThatThrownBy(() -> new SessionSearch("harbor", null, null, day, day.minusDays(1), 0, 20))
                .isInstanceOfSatisfying(InvalidSessionException.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> new SessionSearch("harbor", null, null, null, null, -1, 20))
                .isInstanceOf(InvalidSessionException.class);
        assertThatThrownBy(() -> new SessionSearch("harbor", null, null, null, null, 0, 101))
                .isInstanceOf(InvalidSessionException.class);
        assertThat(new SessionSearch("harbor", null, null, null, null, Integer.MAX_VALUE, 100).skip())
                .isEqualTo(Integer.MAX_VALUE * 100L);
    }

    private static SessionDetails details(Instant sessionAt, List<String> values) {
        return SessionDetails.of("harbor", "warmline", "sp-rivera", "pseudonym", sessionAt, 45, Channel.PHONE,
                Activity.PEER_SUPPORT, List.of(FocusArea.RECOVERY_GOALS), List.of("persistence"), values,
                Frameworks.PEER_CORE_V1, "harbor-peer");
    }
}
