package org.peerpulse.session.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.Activity;
import org.peerpulse.contracts.Channel;
import org.peerpulse.contracts.FocusArea;
import org.peerpulse.contracts.InvitationTokens;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.session.domain.InvalidSessionException;
import org.peerpulse.session.domain.ParticipantPseudonyms;
import org.peerpulse.session.domain.Session;
import org.peerpulse.session.domain.Sessions;

class LogSessionTest {

    private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

    private final RecordingSessions sessions = new RecordingSessions();
    private final LogSession logSession = new LogSession(sessions,
            new ParticipantPseudonyms("use-case-test-secret-of-some-length".getBytes(StandardCharsets.UTF_8)),
            new InvitationPolicy(Duration.ofDays(7), Duration.ofDays(90)), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void storesTheSessionWithItsEventAndAnswersWithTheTokenOnce() {
        LoggedSession answer = logSession.log(command("client-0042", NOW.minusSeconds(600)));

        assertThat(sessions.added).hasSize(1);
        Session stored = sessions.added.get(0).session();
        SessionLogged event = sessions.added.get(0).event();
        assertThat(stored.sessionId()).isEqualTo(answer.sessionId()).isEqualTo(event.sessionId());
        assertThat(stored.invitationTokenHash()).isEqualTo(InvitationTokens.hashOf(answer.invitationToken()));
        assertThat(answer.invitationExpiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
        assertThat(event.eventId().version()).isEqualTo(7);
        assertThat(event.agencyId()).isEqualTo("harbor");
    }

    @Test
    void theParticipantReferenceIsNeverStoredOrPublished() {
        logSession.log(command("client-0042", NOW.minusSeconds(600)));

        assertThat(sessions.added.get(0).session().toString()).doesNotContain("client-0042");
        assertThat(sessions.added.get(0).event().toString()).doesNotContain("client-0042");
        assertThat(sessions.added.get(0).event().participantPseudonym()).matches("[0-9a-f]{64}");
    }

    @Test
    void aRejectedSessionLeavesNothingBehind() {
        assertThatThrownBy(() -> logSession.log(command("client-0042", NOW.plusSeconds(600))))
                .isInstanceOf(InvalidSessionException.class);
        assertThat(sessions.added).isEmpty();
    }

    private static LogSessionCommand command(String participantRef, Instant occurredAt) {
        return new LogSessionCommand("harbor", "harbor-peer", "warmline", "sp-rivera", participantRef, occurredAt, 45,
                Channel.PHONE, Activity.PEER_SUPPORT, List.of(FocusArea.WELLNESS), List.of("humor"),
                List.of("KINDNESS"));
    }

    /** Keeps what was added, as the real adapter would in one write. */
    static final class RecordingSessions implements Sessions {

        final List<Session.Logged> added = new ArrayList<>();

        @Override
        public void add(Session session, SessionLogged logged) {
            added.add(new Session.Logged(session, logged));
        }

        @Override
        public Optional<Session> find(String agencyId, String sessionId) {
            return added.stream().map(Session.Logged::session)
                    .filter(s -> s.agencyId().equals(agencyId) && s.sessionId().equals(sessionId)).findFirst();
        }
    }
}
