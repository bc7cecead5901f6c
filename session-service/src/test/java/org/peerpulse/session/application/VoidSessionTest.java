package org.peerpulse.session.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.peerpulse.session.application.LogSessionTest.LEAD;
import static org.peerpulse.session.application.LogSessionTest.RIVERA;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.Activity;
import org.peerpulse.contracts.Channel;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.SessionVoided;
import org.peerpulse.session.domain.AttributionRefusedException;
import org.peerpulse.session.domain.Session;
import org.peerpulse.session.domain.SessionAlreadyVoidedException;
import org.peerpulse.session.domain.SessionNotFoundException;

class VoidSessionTest {

    private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

    private final InMemorySessions sessions = new InMemorySessions();
    private final LogSessionTest.MutableClock clock = new LogSessionTest.MutableClock(NOW);
    private final LogSession logSession = LogSessionTest.logSession(sessions,
            new InMemoryDirectories().staff("harbor", "warmline", "sp-rivera", "sp-okafor"), clock);
    private final VoidSession voidSession = new VoidSession(sessions, clock);

    @Test
    void theSessionsSpecialistMayVoidItOnceAndTheEventCarriesNoReason() {
        String sessionId = logSession.log(command()).sessionId();

        voidSession.voidSession(new VoidSessionCommand("harbor", sessionId, RIVERA, "logged twice"));

        assertThat(sessions.find("harbor", sessionId).orElseThrow().voided()).isTrue();
        assertThat(sessions.events).hasSize(2).last().isInstanceOfSatisfying(SessionVoided.class, event -> {
            assertThat(event.sessionId()).isEqualTo(sessionId);
            assertThat(event.agencyId()).isEqualTo("harbor");
            assertThat(event.contributed()).isEqualTo(((SessionLogged) sessions.events.get(0)).contribution());
            assertThat(event.toString()).doesNotContain("logged twice");
        });
        assertThatThrownBy(() -> voidSession.voidSession(
                new VoidSessionCommand("harbor", sessionId, LEAD, "again")))
                .isInstanceOf(SessionAlreadyVoidedException.class);
        assertThat(sessions.events).hasSize(2);
    }

    @Test
    void aQualityLeadMayVoidAnyAnotherSpecialistMayNot() {
        String sessionId = logSession.log(command()).sessionId();

        assertThatThrownBy(() -> voidSession.voidSession(new VoidSessionCommand("harbor", sessionId,
                new Session.Actor("harbor-peer", false, "sp-okafor"), "not mine")))
                .isInstanceOf(AttributionRefusedException.class);
        assertThat(sessions.events).hasSize(1);
        voidSession.voidSession(new VoidSessionCommand("harbor", sessionId, LEAD, "wrong program"));
        assertThat(sessions.events).hasSize(2);
        assertThat(sessions.find("harbor", sessionId).orElseThrow().voiding().by()).isEqualTo("harbor-lead");
    }

    @Test
    void aSessionAQualityLeadLoggedForASpecialistIsTheirsToVoid() {
        String sessionId = logSession.log(new LogSessionCommand("harbor", LEAD, "warmline", "sp-rivera",
                "client-0042", NOW.minusSeconds(600), 45, Channel.PHONE, Activity.PEER_SUPPORT, List.of(), List.of(),
                List.of(), 1, null)).sessionId();

        voidSession.voidSession(new VoidSessionCommand("harbor", sessionId, RIVERA, "not a session after all"));

        assertThat(sessions.find("harbor", sessionId).orElseThrow().voided()).isTrue();
    }

    @Test
    void anotherAgencysSessionIsNotFound() {
        String sessionId = logSession.log(command()).sessionId();

        assertThatThrownBy(() -> voidSession.voidSession(new VoidSessionCommand("sunrise", sessionId,
                new Session.Actor("sunrise-lead", true, null), "not ours")))
                .isInstanceOf(SessionNotFoundException.class);
        assertThat(sessions.events).hasSize(1);
    }

    private static LogSessionCommand command() {
        return new LogSessionCommand("harbor", RIVERA, "warmline", null, "client-0042", NOW.minusSeconds(600), 45,
                Channel.PHONE, Activity.PEER_SUPPORT, List.of(), List.of(), List.of(), 1, null);
    }
}
