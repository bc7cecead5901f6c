package org.peerpulse.session.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.Activity;
import org.peerpulse.contracts.Channel;
import org.peerpulse.contracts.EventTypes;
import org.peerpulse.contracts.FocusArea;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.GoldenSamples;
import org.peerpulse.contracts.InvitationsReissued;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.SessionVoided;
import org.peerpulse.contracts.Topics;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.platform.outbox.Outbox;
import org.peerpulse.platform.outbox.OutboxEntry;
import org.peerpulse.session.domain.InvitationToken;
import org.peerpulse.session.domain.Session;
import org.peerpulse.session.domain.SessionDetails;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Producer side of the session contract: the session of the golden samples (a group of two), logged, reissued
 * and voided by the domain, is written into its outbox entries as the golden JSON; the pseudonym and the strength
 * tags it was logged with stay behind.
 */
class SessionEventsGoldenTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PSEUDONYM = "9f".repeat(32);
    private static final List<String> TAGS = List.of("humor", "named their own goals");

    private final Outbox outbox = new Outbox(new EventCodec());

    @Test
    void theGoldenGroupSessionIsPublishedAsTheGoldenSessionLoggedWithoutPseudonymOrTags() {
        OutboxEntry entry = outbox.entries(Topics.SESSIONS, goldenSession().event()).get(0);

        assertThat(goldenSession().event()).isEqualTo(GoldenSamples.SESSION_LOGGED);
        assertThat(JSON.readTree(entry.payload())).isEqualTo(JSON.readTree(GoldenSamples.json(SessionLogged.class)));
        assertThat(entry.type()).isEqualTo(EventTypes.SESSION_LOGGED);
        assertThat(entry.topic()).isEqualTo(Topics.SESSIONS);
        assertThat(entry.key()).isEqualTo("harbor");
        assertThat(entry.payload()).doesNotContain(PSEUDONYM);
        TAGS.forEach(tag -> assertThat(entry.payload()).doesNotContain(tag));
    }

    @Test
    void voidingTheGoldenSessionPublishesTheGoldenSessionVoidedWithWhatItContributed() {
        Session.Voided voided = goldenSession().session().voidBy(new Session.Actor("a-lead", true, null),
                "logged under the wrong program", GoldenSamples.SESSION_VOIDED.occurredAt(),
                GoldenSamples.SESSION_VOIDED.eventId());
        OutboxEntry entry = outbox.entries(Topics.SESSIONS, voided.event()).get(0);

        assertThat(voided.event()).isEqualTo(GoldenSamples.SESSION_VOIDED);
        assertThat(JSON.readTree(entry.payload())).isEqualTo(JSON.readTree(GoldenSamples.json(SessionVoided.class)));
        assertThat(entry.type()).isEqualTo(EventTypes.SESSION_VOIDED);
        assertThat(entry.payload()).doesNotContain("wrong program").doesNotContain(PSEUDONYM);
    }

    @Test
    void reissuingTheGoldenSessionPublishesTheGoldenReplacementInTheGoldenShape() {
        InvitationsReissued golden = GoldenSamples.INVITATIONS_REISSUED;
        Session session = goldenSession().session();
        // The golden sample shows the second link replaced; a reissue replaces every link, in its slot.
        InvitationToken freshFirst = new InvitationToken("not-a-real-token-3", "ab".repeat(32));
        InvitationToken freshSecond = new InvitationToken("not-a-real-token-4",
                golden.replacements().get(0).tokenHash());
        Session.Reissued reissued = session.reissue(new Session.Actor("harbor-peer", false, "sp-rivera"),
                List.of(freshFirst, freshSecond), Duration.ofDays(7), golden.occurredAt(), golden.eventId());
        OutboxEntry entry = outbox.entries(Topics.SESSIONS, reissued.event()).get(0);

        assertThat(reissued.event()).isEqualTo(new InvitationsReissued(golden.eventId(), golden.occurredAt(),
                golden.agencyId(), golden.sessionId(), golden.programId(), golden.specialistId(), golden.sessionAt(),
                golden.framework(), List.of(new InvitationsReissued.Replacement(
                        GoldenSamples.SESSION_LOGGED.invitations().get(0).tokenHash(), freshFirst.hash(),
                        golden.replacements().get(0).expiresAt()), golden.replacements().get(0))));
        JsonNode published = JSON.readTree(entry.payload());
        JsonNode goldenJson = JSON.readTree(GoldenSamples.json(InvitationsReissued.class));
        assertThat(published.propertyNames()).containsExactlyInAnyOrderElementsOf(goldenJson.propertyNames());
        assertThat(published.get("replacements").get(1)).isEqualTo(goldenJson.get("replacements").get(0));
        assertThat(entry.type()).isEqualTo(EventTypes.INVITATIONS_REISSUED);
        assertThat(entry.key()).isEqualTo("harbor");
        assertThat(entry.payload()).doesNotContain("not-a-real-token").doesNotContain(PSEUDONYM);
    }

    /** The session the golden samples describe, logged at the golden moment with the golden invitation hashes. */
    private static Session.Logged goldenSession() {
        SessionLogged golden = GoldenSamples.SESSION_LOGGED;
        SessionDetails details = SessionDetails.of("harbor", "warmline", "sp-rivera", PSEUDONYM, golden.sessionAt(),
                45, Channel.PHONE, Activity.PEER_SUPPORT, List.of(FocusArea.RECOVERY_GOALS, FocusArea.HOUSING), TAGS,
                List.of("EMPATHY", "KINDNESS"), Frameworks.PEER_CORE_V1, "sp-rivera");
        // Only the hashes are ever published; the golden ones stand for tokens nobody holds.
        List<InvitationToken> tokens = List.of(
                new InvitationToken("not-a-real-token-1", golden.invitations().get(0).tokenHash()),
                new InvitationToken("not-a-real-token-2", golden.invitations().get(1).tokenHash()));
        Instant now = golden.occurredAt();
        return Session.log(details, tokens, Duration.between(now, golden.invitation().expiresAt()),
                Duration.ofDays(90), now, UUID.fromString(golden.sessionId()), golden.eventId());
    }
}
