package org.peerpulse.session.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.peerpulse.session.application.LogSessionTest.LEAD;
import static org.peerpulse.session.application.LogSessionTest.RIVERA;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.Activity;
import org.peerpulse.contracts.Channel;
import org.peerpulse.contracts.InvitationTokens;
import org.peerpulse.contracts.InvitationsReissued;
import org.peerpulse.session.domain.AttributionRefusedException;
import org.peerpulse.session.domain.Session;
import org.peerpulse.session.domain.SessionAlreadyVoidedException;
import org.peerpulse.session.domain.SessionNotFoundException;

class ReissueInvitationsTest {

    private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

    private final InMemorySessions sessions = new InMemorySessions();
    private final LogSessionTest.MutableClock clock = new LogSessionTest.MutableClock(NOW);
    private final LogSession logSession = LogSessionTest.logSession(sessions,
            new InMemoryDirectories().staff("harbor", "warmline", "sp-rivera", "sp-okafor"), clock);
    private final ReissueInvitations reissue = new ReissueInvitations(sessions,
            new InvitationPolicy(Duration.ofDays(7), Duration.ofDays(90)), clock);

    @Test
    void freshLinksReplaceEveryLinkOfTheSessionSlotBySlot() {
        LoggedSession logged = logSession.log(group(3));
        clock.now = NOW.plus(Duration.ofHours(2));

        LoggedSession fresh = reissue.reissue(new ReissueInvitations.Command("harbor", logged.sessionId(), RIVERA));

        assertThat(fresh.sessionId()).isEqualTo(logged.sessionId());
        assertThat(fresh.links()).hasSize(3).allSatisfy(link -> {
            assertThat(link.token()).matches(InvitationTokens.FORMAT);
            assertThat(link.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(2)).plus(Duration.ofDays(7)));
        });
        assertThat(tokens(fresh)).doesNotContainAnyElementsOf(tokens(logged)).doesNotHaveDuplicates();
        assertThat(sessions.find("harbor", logged.sessionId()).orElseThrow().invitations())
                .extracting(Session.Invitation::tokenHash).containsExactlyElementsOf(hashes(fresh));
        assertThat(sessions.events).hasSize(2).last().isInstanceOfSatisfying(InvitationsReissued.class, event -> {
            assertThat(event.sessionId()).isEqualTo(logged.sessionId());
            assertThat(event.specialistId()).isEqualTo("sp-rivera");
            assertThat(event.replacements()).extracting(InvitationsReissued.Replacement::replacedTokenHash)
                    .containsExactlyElementsOf(hashes(logged));
            assertThat(event.replacements()).extracting(InvitationsReissued.Replacement::tokenHash)
                    .containsExactlyElementsOf(hashes(fresh));
            tokens(fresh).forEach(token -> assertThat(event.toString()).doesNotContain(token));
        });
    }

    @Test
    void aSecondReissueReplacesTheLinksOfTheFirst() {
        LoggedSession logged = logSession.log(group(2));
        LoggedSession first = reissue.reissue(new ReissueInvitations.Command("harbor", logged.sessionId(), RIVERA));

        LoggedSession second = reissue.reissue(new ReissueInvitations.Command("harbor", logged.sessionId(), LEAD));

        assertThat(tokens(second)).doesNotContainAnyElementsOf(tokens(first))
                .doesNotContainAnyElementsOf(tokens(logged));
        assertThat(((InvitationsReissued) sessions.events.get(2)).replacements())
                .extracting(InvitationsReissued.Replacement::replacedTokenHash).containsExactlyElementsOf(hashes(first));
        assertThat(sessions.find("harbor", logged.sessionId()).orElseThrow().invitations())
                .extracting(Session.Invitation::tokenHash).containsExactlyElementsOf(hashes(second));
    }

    @Test
    void aReissueThatLosesTheRaceToAnotherReplacesWhatThatOneIssued() {
        LoggedSession logged = logSession.log(group(2));
        LoggedSession[] other = new LoggedSession[1];
        sessions.beforeReplace = () -> other[0] = reissue.reissue(
                new ReissueInvitations.Command("harbor", logged.sessionId(), LEAD));

        LoggedSession mine = reissue.reissue(new ReissueInvitations.Command("harbor", logged.sessionId(), RIVERA));

        assertThat(sessions.events).hasSize(3);
        assertThat(((InvitationsReissued) sessions.events.get(1)).replacements())
                .extracting(InvitationsReissued.Replacement::replacedTokenHash).containsExactlyElementsOf(hashes(logged));
        assertThat(((InvitationsReissued) sessions.events.get(2)).replacements())
                .extracting(InvitationsReissued.Replacement::replacedTokenHash)
                .containsExactlyElementsOf(hashes(other[0]));
        assertThat(sessions.find("harbor", logged.sessionId()).orElseThrow().invitations())
                .extracting(Session.Invitation::tokenHash).containsExactlyElementsOf(hashes(mine));
    }

    @Test
    void aVoidedSessionGetsNoFreshLinks() {
        LoggedSession logged = logSession.log(group(1));
        new VoidSession(sessions, clock).voidSession(new VoidSessionCommand("harbor", logged.sessionId(), LEAD,
                "logged twice"));

        assertThatThrownBy(() -> reissue.reissue(new ReissueInvitations.Command("harbor", logged.sessionId(),
                RIVERA))).isInstanceOf(SessionAlreadyVoidedException.class);
        assertThat(sessions.events).hasSize(2);
    }

    @Test
    void aSessionIsReissuedOnlyByALeadOrItsSpecialistOfItsAgency() {
        LoggedSession logged = logSession.log(group(1));

        assertThatThrownBy(() -> reissue.reissue(new ReissueInvitations.Command("harbor", logged.sessionId(),
                new Session.Actor("harbor-peer", false, "sp-okafor")))).isInstanceOf(AttributionRefusedException.class);
        assertThatThrownBy(() -> reissue.reissue(new ReissueInvitations.Command("sunrise", logged.sessionId(),
                new Session.Actor("sunrise-lead", true, null)))).isInstanceOf(SessionNotFoundException.class);
        assertThat(sessions.events).hasSize(1);
        assertThat(sessions.find("harbor", logged.sessionId()).orElseThrow().invitations())
                .extracting(Session.Invitation::tokenHash).containsExactlyElementsOf(hashes(logged));
    }

    private static LogSessionCommand group(int attendees) {
        return new LogSessionCommand("harbor", RIVERA, "warmline", null, "client-0042", NOW.minusSeconds(600), 90,
                Channel.GROUP, Activity.GROUP_FACILITATION, List.of(), List.of(), List.of(), attendees, null);
    }

    private static List<String> tokens(LoggedSession answer) {
        return answer.links().stream().map(LoggedSession.IssuedLink::token).toList();
    }

    private static List<String> hashes(LoggedSession answer) {
        return tokens(answer).stream().map(InvitationTokens::hashOf).toList();
    }
}
