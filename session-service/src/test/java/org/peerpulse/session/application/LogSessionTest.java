package org.peerpulse.session.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.Activity;
import org.peerpulse.contracts.Channel;
import org.peerpulse.contracts.FocusArea;
import org.peerpulse.contracts.InvitationTokens;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.session.domain.AttributionRefusedException;
import org.peerpulse.session.domain.DirectoryRefusedException;
import org.peerpulse.session.domain.IdempotencyKeyReusedException;
import org.peerpulse.session.domain.IdempotencyKeys;
import org.peerpulse.session.domain.InvalidSessionException;
import org.peerpulse.session.domain.InvitationsReplacedException;
import org.peerpulse.session.domain.ParticipantPseudonyms;
import org.peerpulse.session.domain.Session;

class LogSessionTest {

    private static final Instant NOW = Instant.parse("2026-11-20T15:00:00.123456Z");
    static final Session.Actor RIVERA = new Session.Actor("harbor-peer", false, "sp-rivera");
    static final Session.Actor LEAD = new Session.Actor("harbor-lead", true, null);

    private final InMemorySessions sessions = new InMemorySessions();
    private final InMemoryDirectories directories = new InMemoryDirectories()
            .staff("harbor", "warmline", "sp-rivera", "sp-okafor")
            .staff("sunrise", "warmline", "sp-rivera");
    private final MutableClock clock = new MutableClock(NOW);
    private final LogSession logSession = logSession(sessions, directories, clock);

    static LogSession logSession(InMemorySessions sessions, InMemoryDirectories directories, Clock clock) {
        return new LogSession(sessions, directories,
                new ParticipantPseudonyms("use-case-test-secret-of-some-length".getBytes(StandardCharsets.UTF_8)),
                new IdempotencyKeys("use-case-invitation-key-of-some-length".getBytes(StandardCharsets.UTF_8)),
                new InvitationPolicy(Duration.ofDays(7), Duration.ofDays(90)), clock);
    }

    @Test
    void storesTheSessionWithItsEventAndAnswersWithTheTokenOnce() {
        LoggedSession answer = logSession.log(command("client-0042", NOW.minusSeconds(600), null));

        assertThat(sessions.stored).hasSize(1);
        Session stored = sessions.stored.get(0);
        SessionLogged event = (SessionLogged) sessions.events.get(0);
        assertThat(stored.sessionId()).isEqualTo(answer.sessionId()).isEqualTo(event.sessionId());
        assertThat(answer.links()).singleElement().satisfies(link -> {
            assertThat(stored.invitations()).extracting(Session.Invitation::tokenHash)
                    .containsExactly(InvitationTokens.hashOf(link.token()));
            assertThat(link.expiresAt()).isEqualTo(Instant.parse("2026-11-27T15:00:00.123Z"));
            assertThat(answer.toString()).doesNotContain(link.token());
        });
        assertThat(event.eventId().version()).isEqualTo(7);
        assertThat(event.agencyId()).isEqualTo("harbor");
        assertThat(event.specialistId()).isEqualTo("sp-rivera");
        assertThat(stored.details().loggedBy()).isEqualTo("harbor-peer");
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
    void aSpecialistLogsOnlyAsTheSpecialistTheirTokenNames() {
        assertThatThrownBy(() -> logSession.log(command(RIVERA, "sp-okafor", 1, null)))
                .isInstanceOf(AttributionRefusedException.class);
        Session.Actor noSpecialistId = new Session.Actor("harbor-peer", false, null);
        assertThatThrownBy(() -> logSession.log(command(noSpecialistId, "sp-rivera", 1, null)))
                .isInstanceOf(AttributionRefusedException.class);
        assertThat(sessions.stored).isEmpty();
        assertThat(sessions.events).isEmpty();

        logSession.log(command(RIVERA, null, 1, null));
        logSession.log(command(RIVERA, "sp-rivera", 1, null));

        assertThat(sessions.stored).extracting(s -> s.details().specialistId()).containsExactly("sp-rivera",
                "sp-rivera");
    }

    @Test
    void aQualityLeadLogsForAnActiveSpecialistTheyName() {
        LoggedSession forOkafor = logSession.log(command(LEAD, "sp-okafor", 1, null));

        Session stored = sessions.find("harbor", forOkafor.sessionId()).orElseThrow();
        assertThat(stored.details().specialistId()).isEqualTo("sp-okafor");
        assertThat(stored.details().loggedBy()).isEqualTo("harbor-lead");
        assertThat(((SessionLogged) sessions.events.get(0)).specialistId()).isEqualTo("sp-okafor");

        assertRefused(() -> logSession.log(command(LEAD, null, 1, null)), "specialistId");
        directories.save(directories.of("harbor").changeSpecialist("sp-okafor", false, null, NOW, UUID.randomUUID()));
        assertRefused(() -> logSession.log(command(LEAD, "sp-okafor", 1, null)), "specialistId");
        assertRefused(() -> logSession.log(command(LEAD, "sp-nobody", 1, null)), "specialistId");
        assertThat(sessions.stored).hasSize(1);
        assertThat(sessions.events).hasSize(1);
    }

    @Test
    void theProgramIsAnActiveOneOfTheAgencyThatTheSpecialistWorksIn() {
        directories.staff("harbor", "drop-in");

        assertRefused(() -> logSession.log(command(RIVERA, "nowhere", null)), "programId");
        assertRefused(() -> logSession.log(command(RIVERA, "drop-in", null)), "programId");
        directories.save(directories.of("harbor").changeProgram("warmline", false, NOW, UUID.randomUUID()));
        assertRefused(() -> logSession.log(command(RIVERA, "warmline", null)), "programId");
        assertRefused(() -> logSession.log(command(new Session.Actor("x", false, "sp-rivera"), "warmline",
                "no-directory")), "specialistId");

        assertThat(sessions.stored).isEmpty();
        assertThat(sessions.events).isEmpty();
    }

    @Test
    void aGroupSessionGetsOneLinkPerAttendeeAndOneEventCountingThemAll() {
        LoggedSession group = logSession.log(command(RIVERA, null, 3, null));

        assertThat(group.links()).hasSize(3).extracting(LoggedSession.IssuedLink::token).doesNotHaveDuplicates()
                .allSatisfy(token -> assertThat(token).matches(InvitationTokens.FORMAT));
        List<String> hashes = group.links().stream().map(link -> InvitationTokens.hashOf(link.token())).toList();
        assertThat(sessions.stored).singleElement().satisfies(session -> assertThat(session.invitations())
                .extracting(Session.Invitation::tokenHash).containsExactlyElementsOf(hashes));
        assertThat(sessions.events).singleElement().isInstanceOfSatisfying(SessionLogged.class, event -> {
            assertThat(event.invitations()).extracting(SessionLogged.InvitationIssued::tokenHash)
                    .containsExactlyElementsOf(hashes);
            assertThat(event.contribution().invitations()).isEqualTo(3);
        });

        assertThatThrownBy(() -> logSession.log(command(RIVERA, null, 0, null)))
                .isInstanceOfSatisfying(InvalidSessionException.class, e -> assertThat(e.field()).isEqualTo("attendees"));
        assertThatThrownBy(() -> logSession.log(command(RIVERA, null, 31, null)))
                .isInstanceOfSatisfying(InvalidSessionException.class, e -> assertThat(e.field()).isEqualTo("attendees"));
        assertThat(sessions.stored).hasSize(1);
    }

    @Test
    void aRetryWithTheSameKeyAndRequestGetsTheSameAnswerLaterAndNoSecondSession() {
        LoggedSession first = logSession.log(command("client-0042", NOW.minusSeconds(600), "key-1"));
        clock.now = NOW.plus(Duration.ofHours(25));

        LoggedSession retry = logSession.log(command("client-0042", NOW.minusSeconds(600), "key-1"));

        assertThat(retry).usingRecursiveComparison().isEqualTo(first);
        String token = first.links().get(0).token();
        assertThat(retry.links().get(0).token()).isEqualTo(token).matches(InvitationTokens.FORMAT);
        assertThat(sessions.stored).hasSize(1);
        assertThat(sessions.events).hasSize(1);
        assertThat(sessions.stored.get(0).toString()).doesNotContain(token).doesNotContain("key-1");
    }

    @Test
    void aRetriedGroupGetsTheSameLinksAndAnotherGroupSizeIsAnotherRequest() {
        LoggedSession first = logSession.log(command(RIVERA, null, 3, "group-key"));
        clock.now = NOW.plusSeconds(30);

        LoggedSession retry = logSession.log(command(RIVERA, null, 3, "group-key"));

        assertThat(retry).usingRecursiveComparison().isEqualTo(first);
        assertThat(retry.links()).hasSize(3).extracting(LoggedSession.IssuedLink::token).doesNotHaveDuplicates();
        assertThatThrownBy(() -> logSession.log(command(RIVERA, null, 2, "group-key")))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(sessions.stored).hasSize(1);
        assertThat(sessions.events).hasSize(1);
    }

    @Test
    void aRetryAfterTheLinksWereReissuedIsRefusedRatherThanShowingDeadLinks() {
        LoggedSession first = logSession.log(command(RIVERA, null, 2, "key-1"));
        new ReissueInvitations(sessions, new InvitationPolicy(Duration.ofDays(7), Duration.ofDays(90)), clock)
                .reissue(new ReissueInvitations.Command("harbor", first.sessionId(), RIVERA));

        assertThatThrownBy(() -> logSession.log(command(RIVERA, null, 2, "key-1")))
                .isInstanceOf(InvitationsReplacedException.class);
        assertThat(sessions.stored).hasSize(1);
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
        LoggedSession otherAgency = logSession.log(new LogSessionCommand("sunrise",
                new Session.Actor("sunrise-peer", false, "sp-rivera"), "warmline", "sp-rivera", "client-0042",
                NOW.minusSeconds(600), 45, Channel.PHONE, Activity.PEER_SUPPORT, List.of(), List.of(), List.of(), 1,
                "key-1"));

        assertThat(List.of(one.sessionId(), two.sessionId(), otherAgency.sessionId())).doesNotHaveDuplicates();
        assertThat(List.of(one, two, otherAgency)).map(answer -> answer.links().get(0).token())
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

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DirectoryRefusedException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    private static LogSessionCommand command(String participantRef, Instant occurredAt, String key) {
        return new LogSessionCommand("harbor", RIVERA, "warmline", "sp-rivera", participantRef, occurredAt, 45,
                Channel.PHONE, Activity.PEER_SUPPORT, List.of(FocusArea.WELLNESS), List.of("humor"),
                List.of("KINDNESS"), 1, key);
    }

    private static LogSessionCommand command(Session.Actor actor, String specialistId, int attendees, String key) {
        return new LogSessionCommand("harbor", actor, "warmline", specialistId, "client-0042", NOW.minusSeconds(600),
                45, Channel.PHONE, Activity.PEER_SUPPORT, List.of(FocusArea.WELLNESS), List.of("humor"),
                List.of("KINDNESS"), attendees, key);
    }

    private static LogSessionCommand command(Session.Actor actor, String programId, String agency) {
        return new LogSessionCommand(agency == null ? "harbor" : agency, actor, programId, null, "client-0042",
                NOW.minusSeconds(600), 45, Channel.PHONE, Activity.PEER_SUPPORT, List.of(), List.of(), List.of(), 1,
                null);
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
