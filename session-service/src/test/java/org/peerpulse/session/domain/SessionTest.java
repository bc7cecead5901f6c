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
import org.peerpulse.contracts.SessionContribution;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.SessionVoided;

class SessionTest {

    private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration NINETY_DAYS = Duration.ofDays(90);

    private final InvitationToken token = InvitationToken.issue(NOW);

    @Test
    void loggingHandsBackTheFactWithTheInvitationHashAndNeverTheToken() {
        UUID sessionId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        Session.Logged logged = Session.log(details(NOW.minusSeconds(1800), List.of("KINDNESS")), token, WEEK,
                NINETY_DAYS, NOW, sessionId, eventId);

        SessionLogged event = logged.event();
        assertThat(event.eventId()).isEqualTo(eventId);
        assertThat(event.sessionId()).isEqualTo(sessionId.toString());
        assertThat(event.occurredAt()).isEqualTo(NOW);
        assertThat(event.sessionAt()).isEqualTo(NOW.minusSeconds(1800));
        assertThat(event.invitation().tokenHash()).isEqualTo(token.hash()).isNotEqualTo(token.value());
        assertThat(event.invitation().expiresAt()).isEqualTo(Instant.parse("2026-11-27T15:00:00Z"));
        assertThat(event.toString()).doesNotContain(token.value());
        assertThat(logged.session().invitationTokenHash()).isEqualTo(token.hash());
        assertThat(event).isEqualTo(new SessionLogged(eventId, NOW, "harbor", sessionId.toString(), "warmline",
                "sp-rivera", NOW.minusSeconds(1800), 45, Channel.PHONE, Activity.PEER_SUPPORT,
                List.of(FocusArea.RECOVERY_GOALS), true, List.of("KINDNESS"), Frameworks.PEER_CORE_V1.ref(),
                new SessionLogged.InvitationIssued(token.hash(), Instant.parse("2026-11-27T15:00:00Z"))));
        assertThat(event.toString()).doesNotContain("pseudonym").doesNotContain("persistence");
    }

    @Test
    void theEventSaysOnlyWhetherAStrengthWasNoted() {
        SessionDetails noTags = SessionDetails.of("harbor", "warmline", "sp-rivera", "pseudonym", NOW, 45,
                Channel.PHONE, Activity.PEER_SUPPORT, List.of(), List.of(), List.of(), Frameworks.PEER_CORE_V1,
                "harbor-peer");
        Session.Logged logged = Session.log(noTags, token, WEEK, NINETY_DAYS, NOW, UUID.randomUUID(),
                UUID.randomUUID());

        assertThat(logged.event().strengthsAcknowledged()).isFalse();
        assertThat(logged.session().contribution().strengthsAcknowledged()).isFalse();
    }

    @Test
    void aSessionCannotHappenInTheFuture() {
        assertThatThrownBy(() -> Session.log(details(NOW.plusSeconds(60), List.of()), token, WEEK, NINETY_DAYS, NOW,
                UUID.randomUUID(), UUID.randomUUID()))
                .isInstanceOfSatisfying(InvalidSessionException.class,
                        e -> assertThat(e.field()).isEqualTo("occurredAt"));
    }

    @Test
    void aSessionOlderThanTheWindowIsRejected() {
        assertThatThrownBy(() -> Session.log(details(NOW.minus(Duration.ofDays(91)), List.of()), token, WEEK,
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
        Session.Logged logged = Session.log(details(NOW.minusSeconds(1800), List.of()), token, WEEK, NINETY_DAYS,
                NOW, UUID.randomUUID(), UUID.randomUUID());
        Session session = logged.session();
        UUID eventId = UUID.randomUUID();

        Session.Voided voided = session.voidBy(new Session.Voider("harbor-peer", false), "entered twice",
                NOW.plusSeconds(60), eventId);

        assertThat(voided.session().voided()).isTrue();
        assertThat(voided.session().voiding().reason()).isEqualTo("entered twice");
        assertThat(voided.session().toString()).doesNotContain("entered twice");
        assertThat(voided.event()).isEqualTo(new SessionVoided(eventId, NOW.plusSeconds(60), "harbor",
                session.sessionId(), "warmline", "sp-rivera", NOW.minusSeconds(1800),
                new SessionContribution(45, Activity.PEER_SUPPORT, List.of(FocusArea.RECOVERY_GOALS), true, 1)));
        assertThat(voided.event().contributed()).isEqualTo(logged.event().contribution());
        assertThat(voided.event().toString()).doesNotContain("entered twice");
        assertThatThrownBy(() -> voided.session().voidBy(new Session.Voider("lead", true), "again", NOW,
                UUID.randomUUID())).isInstanceOf(SessionAlreadyVoidedException.class);
    }

    @Test
    void onlyAQualityLeadOrWhoeverLoggedItMayVoidAndOnlyWithAReason() {
        Session session = Session.log(details(NOW.minusSeconds(1800), List.of()), token, WEEK, NINETY_DAYS, NOW,
                UUID.randomUUID(), UUID.randomUUID()).session();

        assertThatThrownBy(() -> session.voidBy(new Session.Voider("another-peer", false), "not mine", NOW,
                UUID.randomUUID())).isInstanceOf(VoidNotAllowedException.class);
        assertThat(session.voidBy(new Session.Voider("a-lead", true), "wrong program", NOW, UUID.randomUUID())
                .session().voiding().by()).isEqualTo("a-lead");
        assertThatThrownBy(() -> session.voidBy(new Session.Voider("a-lead", true), " ", NOW, UUID.randomUUID()))
                .isInstanceOf(InvalidSessionException.class);
        assertThatThrownBy(() -> session.voidBy(new Session.Voider("a-lead", true), "x".repeat(501), NOW,
                UUID.randomUUID())).isInstanceOf(InvalidSessionException.class);
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
