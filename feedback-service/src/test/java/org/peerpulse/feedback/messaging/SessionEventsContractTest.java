package org.peerpulse.feedback.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.EventTypes;
import org.peerpulse.contracts.FrameworkRef;
import org.peerpulse.contracts.GoldenSamples;
import org.peerpulse.contracts.InvitationsReissued;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.SessionVoided;
import org.peerpulse.contracts.Topics;
import org.peerpulse.feedback.application.FollowSessions;
import org.peerpulse.feedback.domain.InvitedSession;
import org.peerpulse.platform.messaging.CloudEvents;
import org.peerpulse.platform.messaging.ContractRecords;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.platform.messaging.UnreadableEventException;

/**
 * Consumer side of the session contract: the golden JSON of each session event, as consumed, becomes exactly
 * these commands, and a record that reads but cannot describe its links is dead-lettered.
 */
class SessionEventsContractTest {

    private final ContractRecords records = new ContractRecords(new EventCodec());

    @Test
    void theGoldenSessionLoggedBecomesEveryInvitationOfItsGroupToLearn() {
        SessionLogged logged = (SessionLogged) records.read(record(EventTypes.SESSION_LOGGED,
                GoldenSamples.json(SessionLogged.class)));

        assertThat(SessionEvents.invitationsOf(logged)).containsExactly(
                issued("3b7e0d6c5a4f39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0"),
                issued("9c4d2e1f0a7b68594a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f"));
    }

    /** As the contract's constructor reads a record written before group sessions: its one invitation is all. */
    @Test
    void aSessionLoggedBeforeGroupSessionsTeachesItsOneInvitation() {
        SessionLogged golden = GoldenSamples.SESSION_LOGGED;
        SessionLogged before = new SessionLogged(golden.eventId(), golden.occurredAt(), golden.agencyId(),
                golden.sessionId(), golden.programId(), golden.specialistId(), golden.sessionAt(),
                golden.durationMinutes(), golden.channel(), golden.activity(), golden.focusAreas(),
                golden.strengthsAcknowledged(), golden.valuesPracticed(), golden.framework(), golden.invitation(),
                null);

        assertThat(SessionEvents.invitationsOf(before)).containsExactly(
                issued("3b7e0d6c5a4f39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0"));
    }

    @Test
    void aFirstInvitationThatIsNotAmongTheInvitationsIsUnreadableSoItIsDeadLettered() {
        String json = GoldenSamples.json(SessionLogged.class).replaceFirst("3b7e0d6c5a4f", "0123456789ab");
        SessionLogged logged = (SessionLogged) records.read(record(EventTypes.SESSION_LOGGED, json));

        assertThatThrownBy(() -> SessionEvents.invitationsOf(logged)).isInstanceOf(UnreadableEventException.class);
    }

    @Test
    void theGoldenSessionVoidedBecomesTheVoiding() {
        SessionVoided voided = (SessionVoided) records.read(record(EventTypes.SESSION_VOIDED,
                GoldenSamples.json(SessionVoided.class)));

        assertThat(SessionEvents.voidingOf(voided))
                .isEqualTo(new FollowSessions.VoidedSession("harbor", "019ac1e2-7c4a-7d3e-9a51-3f0c2b6e8d11"));
    }

    @Test
    void theGoldenInvitationsReissuedBecomesItsFreshLinksEachWithTheLinkItReplaces() {
        InvitationsReissued reissued = (InvitationsReissued) records.read(record(EventTypes.INVITATIONS_REISSUED,
                GoldenSamples.json(InvitationsReissued.class)));

        assertThat(SessionEvents.reissueOf(reissued)).isEqualTo(new FollowSessions.ReissuedLinks("harbor",
                "019ac1e2-7c4a-7d3e-9a51-3f0c2b6e8d11", List.of(new FollowSessions.FreshLink(
                        "9c4d2e1f0a7b68594a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f",
                        new FollowSessions.IssuedInvitation(
                                "5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f",
                                new InvitedSession("harbor", "019ac1e2-7c4a-7d3e-9a51-3f0c2b6e8d11", "warmline",
                                        "sp-rivera", Instant.parse("2026-11-20T14:30:00Z")),
                                new FrameworkRef("peer-core-v1", 1), Instant.parse("2026-11-27T15:30:00Z"))))));
    }

    @Test
    void aReissueThatCannotDescribeItsLinksIsUnreadableSoItIsDeadLettered() {
        String golden = GoldenSamples.json(InvitationsReissued.class);
        String malformed = golden.replace("5e6f7a8b9c0d", "NOT-A-HASH");
        String replacesItself = golden.replace("5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f",
                "9c4d2e1f0a7b68594a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f");
        String noExpiry = golden.replace("\"expiresAt\": \"2026-11-27T15:30:00Z\"", "\"expiresAt\": null");

        for (String json : List.of(malformed, replacesItself, noExpiry)) {
            assertThat(json).isNotEqualTo(golden);
            InvitationsReissued reissued = (InvitationsReissued) records.read(record(EventTypes.INVITATIONS_REISSUED,
                    json));
            assertThatThrownBy(() -> SessionEvents.reissueOf(reissued)).isInstanceOf(UnreadableEventException.class);
        }
    }

    @Test
    void aSessionWithoutInvitationTeachesNothing() {
        String json = GoldenSamples.json(SessionLogged.class)
                .replaceAll("(?s)\"invitation\": \\{.*?}", "\"invitation\": null")
                .replaceAll("(?s)\"invitations\": \\[.*?]", "\"invitations\": []");
        SessionLogged logged = (SessionLogged) records.read(record(EventTypes.SESSION_LOGGED, json));

        assertThat(logged.invitation()).isNull();
        assertThat(logged.invitations()).isEmpty();
        assertThat(SessionEvents.invitationsOf(logged)).isEmpty();
    }

    @Test
    void anInvitationThatCannotBeOneIsUnreadableSoItIsDeadLettered() {
        String json = GoldenSamples.json(SessionLogged.class).replace("9c4d2e1f0a7b", "NOT-A-HASH");
        SessionLogged logged = (SessionLogged) records.read(record(EventTypes.SESSION_LOGGED, json));

        assertThatThrownBy(() -> SessionEvents.invitationsOf(logged)).isInstanceOf(UnreadableEventException.class);
    }

    /** An invitation of the golden session, as learned. */
    private static FollowSessions.IssuedInvitation issued(String tokenHash) {
        return new FollowSessions.IssuedInvitation(tokenHash,
                new InvitedSession("harbor", "019ac1e2-7c4a-7d3e-9a51-3f0c2b6e8d11", "warmline", "sp-rivera",
                        Instant.parse("2026-11-20T14:30:00Z"), List.of("EMPATHY", "KINDNESS")),
                new FrameworkRef("peer-core-v1", 1), Instant.parse("2026-11-27T15:04:05.123Z"));
    }

    private static ConsumerRecord<String, String> record(String type, String json) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.SESSIONS, 0, 0L, "harbor", json);
        record.headers().add(CloudEvents.TYPE, type.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
