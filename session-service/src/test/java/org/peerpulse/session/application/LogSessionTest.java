package org.peerpulse.session.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.Activity;
import org.peerpulse.contracts.Channel;
import org.peerpulse.contracts.FocusArea;
import org.peerpulse.contracts.InvitationTokens;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.session.domain.IdempotencyKeyReusedException;
import org.peerpulse.session.domain.IdempotencyKeys;
import org.peerpulse.session.domain.InvalidSessionException;
import org.peerpulse.session.domain.ParticipantPseudonyms;
import org.peerpulse.session.domain.Session;

class LogSessionTest {

    private static final Instant NOW = Instant.parse("2026-11-20T15:00:00.123456Z");

    private final InMemorySessions sessions = new InMemorySessions();
    private final MutableClock clock = new MutableClock(NOW);
    private final LogSession logSession = new LogSession(sessions,
            new ParticipantPseudonyms("use-case-test-secret-of-some-length".getBytes(StandardCharsets.UTF_8)),
            new IdempotencyKeys("use-case-invitation-key-of-some-length".getBytes(StandardCharsets.UTF_8)),
            new InvitationPolicy(Duration.ofDays(7), Duration.ofDays(90)), clock);

    @Test
    void storesTheSessionWithItsEventAndAnswersWithTheTokenOnce() {
        LoggedSession answer = logSession.log(command("client-0042", NOW.minusSeconds(600), null));

        assertThat(sessions.stored).hasSize(1);
        Session stored = sessions.stored.get(0);
        SessionLogged event = (SessionLogged) sessions.events.get(0);
        assertThat(stored.sessionId()).isEqualTo(answer.sessionId()).isEqualTo(event.sessionId());
        assertThat(stored.invitationTokenHash()).isEqualTo(InvitationTokens.hashOf(answer.invitationToken()));
        assertThat(answer.invitationExpiresAt()).isEqualTo(Instant.parse("2026-11-27T15:00:00.123Z"));
        assertThat(event.eventId().version()).isEqualTo(7);
        assertThat(event.agencyId()).isEqualTo("harbor");
        assertThat(stored.idempotency()).isNull();
    }

    @Test
    void theParticipantReferenceIsNeverStoredOrPublishedAndThePseudonymAndTagsAreOnlyStored() {
        logSession.log(command("client-0042", NOW.minusSeconds(600), null));

        Session stored = sessions.stored.get(0);
        SessionLogged event = (SessionLogged) sessions.events.get(0);
        assertThat(stored.toString()).doesNotContain("client-0042");
        assertThat(event.toString()).doesNotContain("client-0042");
        assertThat(stored.details().participantPseudonym()).matches("[0-9a-f]{64}");
        assertThat(stored.details().strengthsNoted()).containsExactly("humor");
        assertThat(event.toString()).doesNotContain(stored.details().participantPseudonym()).doesNotContain("humor");
        assertThat(event.strengthsAcknowledged()).isTrue();
    }

    @Test
    void aRejectedSessionLeavesNothingBehind() {
        assertThatThrownBy(() -> logSession.log(command("client-0042", NOW.plusSeconds(600), null)))
                .isInstanceOf(InvalidSessionException.class);
        assertThat(sessions.stored).isEmpty();
        assertThat(sessions.events).isEmpty();
    }

    @Test
    void aRetryWithTheSameKeyAndRequestGetsTheSameAnswerLaterAndNoSecondSession() {
        LoggedSession first = logSession.log(command("client-0042", NOW.minusSeconds(600), "key-1"));
        clock.now = NOW.plus(Duration.ofHours(25));

        LoggedSession retry = logSession.log(command("client-0042", NOW.minusSeconds(600), "key-1"));

        assertThat(retry).usingRecursiveComparison().isEqualTo(first);
        assertThat(retry.invitationToken()).isEqualTo(first.invitationToken()).matches(InvitationTokens.FORMAT);
        assertThat(sessions.stored).hasSize(1);
        assertThat(sessions.events).hasSize(1);
        assertThat(sessions.stored.get(0).toString()).doesNotContain(first.invitationToken()).doesNotContain("key-1");
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefused() {
        logSession.log(command("client-0042", NOW.minusSeconds(600), "key-1"));

        assertThatThrownBy(() -> logSession.log(command("client-0043", NOW.minusSeconds(600), "key-1")))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(sessions.stored).hasSize(1);
    }

    @Test
    void keysAreTheAgencysOwnAndDifferentKeysGiveDifferentSessions() {
        LoggedSession one = logSession.log(command("client-0042", NOW.minusSeconds(600), "key-1"));
        LoggedSession two = logSession.log(command("client-0042", NOW.minusSeconds(600), "key-2"));
        LoggedSession otherAgency = logSession.log(new LogSessionCommand("sunrise", "sunrise-peer", "warmline",
                "sp-rivera", "client-0042", NOW.minusSeconds(600), 45, Channel.PHONE, Activity.PEER_SUPPORT,
                List.of(), List.of(), List.of(), "key-1"));

        assertThat(List.of(one.sessionId(), two.sessionId(), otherAgency.sessionId())).doesNotHaveDuplicates();
        assertThat(List.of(one.invitationToken(), two.invitationToken(), otherAgency.invitationToken()))
                .doesNotHaveDuplicates();
    }

    @Test
    void whenAConcurrentRetryStoresFirstTheLoserAnswersAsTheWinnerDid() {
        LogSessionCommand command = command("client-0042", NOW.minusSeconds(600), "key-1");
        LoggedSession[] winner = new LoggedSession[1];
        sessions.beforeAdd = () -> {
            sessions.beforeAdd = () -> { };
            clock.now = NOW.plusMillis(5);
            winner[0] = logSession.log(command);
        };

        LoggedSession loser = logSession.log(command);

        assertThat(loser).usingRecursiveComparison().isEqualTo(winner[0]);
        assertThat(sessions.stored).hasSize(1);
        assertThat(sessions.events).hasSize(1);
    }

    private static LogSessionCommand command(String participantRef, Instant occurredAt, String key) {
        return new LogSessionCommand("harbor", "harbor-peer", "warmline", "sp-rivera", participantRef, occurredAt, 45,
                Channel.PHONE, Activity.PEER_SUPPORT, List.of(FocusArea.WELLNESS), List.of("humor"),
                List.of("KINDNESS"), key);
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {

        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
