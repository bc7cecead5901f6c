package org.peerpulse.session.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.Activity;
import org.peerpulse.contracts.Channel;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.SessionVoided;
import org.peerpulse.session.domain.IdempotencyKeys;
import org.peerpulse.session.domain.ParticipantPseudonyms;
import org.peerpulse.session.domain.SessionAlreadyVoidedException;
import org.peerpulse.session.domain.SessionNotFoundException;
import org.peerpulse.session.domain.VoidNotAllowedException;

class VoidSessionTest {

    private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

    private final InMemorySessions sessions = new InMemorySessions();
    private final LogSessionTest.MutableClock clock = new LogSessionTest.MutableClock(NOW);
    private final LogSession logSession = new LogSession(sessions,
            new ParticipantPseudonyms("use-case-test-secret-of-some-length".getBytes(StandardCharsets.UTF_8)),
            new IdempotencyKeys("use-case-invitation-key-of-some-length".getBytes(StandardCharsets.UTF_8)),
            new InvitationPolicy(Duration.ofDays(7), Duration.ofDays(90)), clock);
    private final VoidSession voidSession = new VoidSession(sessions, clock);

    @Test
    void whoeverLoggedItMayVoidItOnceAndTheEventCarriesNoReason() {
        String sessionId = logSession.log(command()).sessionId();

        voidSession.voidSession(new VoidSessionCommand("harbor", sessionId, "harbor-peer", false, "logged twice"));

        assertThat(sessions.find("harbor", sessionId).orElseThrow().voided()).isTrue();
        assertThat(sessions.events).hasSize(2).last().isInstanceOfSatisfying(SessionVoided.class, event -> {
            assertThat(event.sessionId()).isEqualTo(sessionId);
            assertThat(event.agencyId()).isEqualTo("harbor");
            assertThat(event.contributed()).isEqualTo(((SessionLogged) sessions.events.get(0)).contribution());
            assertThat(event.toString()).doesNotContain("logged twice");
        });
        assertThatThrownBy(() -> voidSession.voidSession(
                new VoidSessionCommand("harbor", sessionId, "harbor-lead", true, "again")))
                .isInstanceOf(SessionAlreadyVoidedException.class);
        assertThat(sessions.events).hasSize(2);
    }

    @Test
    void aQualityLeadMayVoidAnyoneElseMayNot() {
        String sessionId = logSession.log(command()).sessionId();

        assertThatThrownBy(() -> voidSession.voidSession(
                new VoidSessionCommand("harbor", sessionId, "another-peer", false, "not mine")))
                .isInstanceOf(VoidNotAllowedException.class);
        assertThat(sessions.events).hasSize(1);
        voidSession.voidSession(new VoidSessionCommand("harbor", sessionId, "harbor-lead", true, "wrong program"));
        assertThat(sessions.events).hasSize(2);
    }

    @Test
    void anotherAgencysSessionIsNotFound() {
        String sessionId = logSession.log(command()).sessionId();

        assertThatThrownBy(() -> voidSession.voidSession(
                new VoidSessionCommand("sunrise", sessionId, "sunrise-lead", true, "not ours")))
                .isInstanceOf(SessionNotFoundException.class);
    }

    private static LogSessionCommand command() {
        return new LogSessionCommand("harbor", "harbor-peer", "warmline", "sp-rivera", "client-0042",
                NOW.minusSeconds(600), 45, Channel.PHONE, Activity.PEER_SUPPORT, List.of(), List.of(), List.of(), null);
    }
}
