package org.peerpulse.feedback.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.EventTypes;
import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.contracts.FeedbackWithdrawn;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.GoldenSamples;
import org.peerpulse.contracts.Topics;
import org.peerpulse.feedback.domain.Answers;
import org.peerpulse.feedback.domain.FormMode;
import org.peerpulse.feedback.domain.GivenComment;
import org.peerpulse.feedback.domain.HarmAnswer;
import org.peerpulse.feedback.domain.HarmReport;
import org.peerpulse.feedback.domain.Invitation;
import org.peerpulse.feedback.domain.InvitedSession;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.platform.outbox.Outbox;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.peerpulse.testsupport.TestBackends;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The invitations adapter on the test store: a poll's invitations learned in one bulk write, and the void of an
 * invitation stored only on what it was decided on, with the withdrawal queued behind the answer it takes
 * back. Also the producer side of both feedback contracts: the golden session's answer and its withdrawal are
 * written into the invitation's outbox as exactly the golden JSON.
 */
class MongoInvitationsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final FeedbackSubmitted GOLDEN_SUBMITTED = GoldenSamples.FEEDBACK_SUBMITTED;
    private static final FeedbackWithdrawn GOLDEN_WITHDRAWN = GoldenSamples.FEEDBACK_WITHDRAWN;
    private static final String COMMENT = "they listened to me";
    /** The golden reissue's fresh link. */
    private static final String FRESH_HASH = GoldenSamples.INVITATIONS_REISSUED.replacements().get(0).tokenHash();

    private static final List<CommandStartedEvent> COMMANDS = new CopyOnWriteArrayList<>();
    private static MongoClient client;

    private String database;
    private MongoTemplate mongo;
    private MongoInvitations invitations;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(TestBackends.mongoUri("invitations")))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        COMMANDS.add(event);
                    }
                })
                .build());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void freshDatabase() {
        database = "invitations-" + System.nanoTime();
        mongo = new MongoTemplate(client, database);
        invitations = new MongoInvitations(new TenantCollections(mongo), new Outbox(new EventCodec()));
        invitations.afterPropertiesSet();
    }

    @Test
    void aPollsInvitationsAreLearnedInOneUnorderedInsertAndThoseAlreadyKnownStayAsTheyAre() {
        Invitation known = golden();
        invitations.addAllIfAbsent(List.of(known));
        assertThat(invitations.redeemIfOpen(known.tokenHash(), goldenAnswers(), GOLDEN_SUBMITTED,
                GOLDEN_SUBMITTED.occurredAt())).isTrue();
        Document redeemed = stored(known.tokenHash());
        Invitation fresh = invitation("c".repeat(64), "harbor", "session-2");
        Invitation otherAgency = invitation("d".repeat(64), "sunrise", "session-3");
        COMMANDS.clear();

        invitations.addAllIfAbsent(List.of(fresh, known, fresh, otherAgency));

        List<CommandStartedEvent> writes = COMMANDS.stream()
                .filter(command -> command.getDatabaseName().equals(database))
                .filter(command -> !command.getCommandName().equals("find")).toList();
        assertThat(writes).singleElement().satisfies(insert -> {
            assertThat(insert.getCommandName()).isEqualTo("insert");
            assertThat(insert.getCommand().getBoolean("ordered").getValue()).isFalse();
        });
        assertThat(stored(known.tokenHash())).isEqualTo(redeemed);
        assertThat(invitations.withTokenHash(fresh.tokenHash())).contains(fresh);
        assertThat(invitations.withTokenHash(otherAgency.tokenHash())).contains(otherAgency);
        assertThat(mongo.getCollection(InvitationDocument.COLLECTION).countDocuments()).isEqualTo(3);
    }

    @Test
    void theGoldenAnswerAndItsWithdrawalAreQueuedInOrderAsTheGoldenJson() {
        Invitation open = golden();
        invitations.addAllIfAbsent(List.of(open));
        FeedbackSubmitted submitted = open.redeem(goldenAnswers(), GOLDEN_SUBMITTED.occurredAt(),
                GOLDEN_SUBMITTED.eventId());
        assertThat(submitted).isEqualTo(GOLDEN_SUBMITTED);
        assertThat(invitations.redeemIfOpen(open.tokenHash(), goldenAnswers(), submitted, submitted.occurredAt()))
                .isTrue();

        Invitation read = invitations.ofSession("harbor", GOLDEN_SUBMITTED.sessionId()).get(0);
        Invitation.Voided voided = read.voidWithSession(GOLDEN_WITHDRAWN.occurredAt(), GOLDEN_WITHDRAWN.eventId())
                .orElseThrow();
        assertThat(voided.withdrawn()).isEqualTo(GOLDEN_WITHDRAWN);
        assertThat(invitations.markVoided(voided)).isTrue();

        Document stored = stored(open.tokenHash());
        assertThat(stored.getBoolean("voided")).isTrue();
        assertThat(stored.getBoolean("outboxPending")).isTrue();
        List<Document> outbox = stored.getList("outbox", Document.class);
        assertThat(outbox).extracting(entry -> entry.getString("type"))
                .containsExactly(EventTypes.FEEDBACK_SUBMITTED, EventTypes.FEEDBACK_WITHDRAWN);
        assertThat(outbox).allSatisfy(entry -> {
            assertThat(entry.getString("topic")).isEqualTo(Topics.FEEDBACK);
            assertThat(entry.getString("key")).isEqualTo("harbor");
            assertThat(entry.getString("payload")).doesNotContain(COMMENT).doesNotContain(open.tokenHash());
        });
        assertThat(outbox.get(1).getString("eventId")).isEqualTo(GOLDEN_WITHDRAWN.eventId().toString());
        assertThat(JSON.readTree(outbox.get(0).getString("payload")))
                .isEqualTo(JSON.readTree(GoldenSamples.json(FeedbackSubmitted.class)));
        assertThat(JSON.readTree(outbox.get(1).getString("payload")))
                .isEqualTo(JSON.readTree(GoldenSamples.json(FeedbackWithdrawn.class)));
    }

    @Test
    void aVoidDecidedOnAnOpenInvitationIsNotStoredOverAnAnswerGivenSinceAndTheNextDecisionWithdrawsIt() {
        Invitation open = golden();
        invitations.addAllIfAbsent(List.of(open));
        Invitation.Voided decidedOnOpen = open.voidWithSession(Instant.now(), UUID.randomUUID()).orElseThrow();
        invitations.redeemIfOpen(open.tokenHash(), goldenAnswers(), GOLDEN_SUBMITTED, GOLDEN_SUBMITTED.occurredAt());

        assertThat(invitations.markVoided(decidedOnOpen)).isFalse();
        assertThat(stored(open.tokenHash()).getBoolean("voided")).isFalse();
        assertThat(stored(open.tokenHash()).getList("outbox", Document.class)).hasSize(1);

        Invitation reread = invitations.ofSession("harbor", GOLDEN_SUBMITTED.sessionId()).get(0);
        assertThat(invitations.markVoided(reread.voidWithSession(Instant.now(), UUID.randomUUID()).orElseThrow()))
                .isTrue();
        List<Document> outbox = stored(open.tokenHash()).getList("outbox", Document.class);
        assertThat(outbox).extracting(entry -> entry.getString("type"))
                .containsExactly(EventTypes.FEEDBACK_SUBMITTED, EventTypes.FEEDBACK_WITHDRAWN);
    }

    @Test
    void ofTwoVoidsDecidedOnTheSameReadOnlyOneIsStoredSoTheAnswerIsWithdrawnOnce() {
        Invitation open = golden();
        invitations.addAllIfAbsent(List.of(open));
        invitations.redeemIfOpen(open.tokenHash(), goldenAnswers(), GOLDEN_SUBMITTED, GOLDEN_SUBMITTED.occurredAt());
        Invitation read = invitations.ofSession("harbor", GOLDEN_SUBMITTED.sessionId()).get(0);

        assertThat(invitations.markVoided(read.voidWithSession(Instant.now(), UUID.randomUUID()).orElseThrow()))
                .isTrue();
        assertThat(invitations.markVoided(read.voidWithSession(Instant.now(), UUID.randomUUID()).orElseThrow()))
                .isFalse();

        assertThat(stored(open.tokenHash()).getList("outbox", Document.class)).hasSize(2);
        assertThat(invitations.ofSession("harbor", GOLDEN_SUBMITTED.sessionId()).get(0)
                .voidWithSession(Instant.now(), UUID.randomUUID())).isEmpty();
    }

    @Test
    void aVoidedInvitationIsNotRedeemedAndAnotherAgencysSessionOfTheSameIdIsNotItsSession() {
        Invitation open = golden();
        invitations.addAllIfAbsent(List.of(open));
        assertThat(invitations.ofSession("sunrise", GOLDEN_SUBMITTED.sessionId())).isEmpty();

        assertThat(invitations.markVoided(open.voidWithSession(Instant.now(), UUID.randomUUID()).orElseThrow()))
                .isTrue();

        assertThat(invitations.redeemIfOpen(open.tokenHash(), goldenAnswers(), GOLDEN_SUBMITTED,
                GOLDEN_SUBMITTED.occurredAt())).isFalse();
        Document stored = stored(open.tokenHash());
        assertThat(stored.get("redeemedAt")).isNull();
        assertThat(stored.get("answers")).isNull();
        assertThat(stored.getList("outbox", Document.class)).isEmpty();
        assertThat(stored.getBoolean("outboxPending")).isFalse();
    }

    @Test
    void aReplacementIsStoredOnAnUnansweredLinkOnceAndFromThenOnNoAnswerIsTakenWithIt() {
        Invitation open = golden();
        invitations.addAllIfAbsent(List.of(open));
        Invitation read = invitations.inSession("harbor", GOLDEN_SUBMITTED.sessionId(), open.tokenHash()).orElseThrow();
        Invitation retired = read.replaceWith(golden(FRESH_HASH)).toRetire().orElseThrow();

        assertThat(invitations.markReplaced(retired)).isTrue();
        assertThat(invitations.markReplaced(retired)).isFalse();

        assertThat(invitations.withTokenHash(open.tokenHash())).contains(retired);
        Document stored = stored(open.tokenHash());
        assertThat(stored.getString("retired")).isEqualTo("REPLACED");
        assertThat(stored.getString("replacedBy")).isEqualTo(FRESH_HASH);
        assertThat(invitations.redeemIfOpen(open.tokenHash(), goldenAnswers(), GOLDEN_SUBMITTED,
                GOLDEN_SUBMITTED.occurredAt())).isFalse();
        assertThat(stored(open.tokenHash()).get("answers")).isNull();
        assertThat(stored(open.tokenHash()).getList("outbox", Document.class)).isEmpty();
    }

    @Test
    void aReplacementDecidedBeforeAnAnswerIsNotStoredOverItAndOneOfAnotherSessionOrAgencyMatchesNothing() {
        Invitation open = golden();
        invitations.addAllIfAbsent(List.of(open));
        Invitation retired = open.replaceWith(golden(FRESH_HASH)).toRetire().orElseThrow();
        assertThat(invitations.inSession("sunrise", GOLDEN_SUBMITTED.sessionId(), open.tokenHash())).isEmpty();
        assertThat(invitations.inSession("harbor", "another-session", open.tokenHash())).isEmpty();
        Invitation elsewhere = new Invitation(open.tokenHash(), new InvitedSession("harbor", "another-session",
                "warmline", "sp-rivera", GOLDEN_SUBMITTED.sessionAt()), open.framework(), open.expiresAt(), false, null,
                null, Invitation.Retirement.REPLACED, FRESH_HASH);
        assertThat(invitations.markReplaced(elsewhere)).isFalse();

        assertThat(invitations.redeemIfOpen(open.tokenHash(), goldenAnswers(), GOLDEN_SUBMITTED,
                GOLDEN_SUBMITTED.occurredAt())).isTrue();

        assertThat(invitations.markReplaced(retired)).isFalse();
        Document stored = stored(open.tokenHash());
        assertThat(stored.get("retired")).isNull();
        assertThat(stored.get("answers")).isNotNull();
        assertThat(invitations.inSession("harbor", GOLDEN_SUBMITTED.sessionId(), open.tokenHash()).orElseThrow()
                .replaceWith(golden(FRESH_HASH)).fresh().retired()).isEqualTo(Invitation.Retirement.NOT_NEEDED);
    }

    @Test
    void freshLinksBornNotNeededOrVoidedAreLearnedAsTheyAreAndTakeNoAnswer() {
        Invitation notNeeded = Invitation.Replacement.ofUnknown(golden(FRESH_HASH)).fresh();
        Invitation bornVoided = golden().voidWithSession(Instant.now(), UUID.randomUUID()).orElseThrow().invitation()
                .replaceWith(golden("e".repeat(64))).fresh();

        invitations.addAllIfAbsent(List.of(notNeeded, bornVoided));

        assertThat(invitations.withTokenHash(notNeeded.tokenHash())).contains(notNeeded);
        assertThat(invitations.withTokenHash(bornVoided.tokenHash())).contains(bornVoided);
        for (Invitation dead : List.of(notNeeded, bornVoided)) {
            assertThat(invitations.redeemIfOpen(dead.tokenHash(), goldenAnswers(), GOLDEN_SUBMITTED,
                    GOLDEN_SUBMITTED.occurredAt())).isFalse();
        }
    }

    @Test
    void anInvitationStoredBeforeReissuesReadsAsNeverRetiredAndCanBeReplaced() {
        Invitation open = golden();
        invitations.addAllIfAbsent(List.of(open));
        mongo.getCollection(InvitationDocument.COLLECTION).updateOne(new Document("_id", open.tokenHash()),
                new Document("$unset", new Document("retired", "").append("replacedBy", "")));
        assertThat(stored(open.tokenHash())).doesNotContainKeys("retired", "replacedBy");

        assertThat(invitations.withTokenHash(open.tokenHash())).contains(open);
        assertThat(invitations.markReplaced(open.replaceWith(golden(FRESH_HASH)).toRetire().orElseThrow())).isTrue();
    }

    @Test
    void theItemsAFormAsksAreKeptAndAnInvitationStoredBeforeRotationAsksEveryItem() {
        Invitation rotated = golden();
        Invitation older = golden("c".repeat(64));
        invitations.addAllIfAbsent(List.of(rotated, older));
        mongo.getCollection(InvitationDocument.COLLECTION).updateOne(new Document("_id", older.tokenHash()),
                new Document("$unset", new Document("itemsAsked", "")));

        assertThat(stored(rotated.tokenHash()).getList("itemsAsked", String.class))
                .isEqualTo(GOLDEN_SUBMITTED.itemsAsked());
        assertThat(invitations.withTokenHash(rotated.tokenHash())).contains(rotated);
        Invitation readOlder = invitations.withTokenHash(older.tokenHash()).orElseThrow();
        assertThat(readOlder.itemsAsked()).isEmpty();
        assertThat(readOlder.formOf(Frameworks.PEER_CORE_V1)).isEqualTo(Frameworks.PEER_CORE_V1);
        assertThat(rotated.formOf(Frameworks.PEER_CORE_V1).items()).hasSize(GOLDEN_SUBMITTED.itemsAsked().size() + 2);
        assertThat(invitations.knownAmong(List.of(rotated.tokenHash(), "d".repeat(64), older.tokenHash())))
                .containsExactlyInAnyOrder(rotated.tokenHash(), older.tokenHash());
    }

    @Test
    void theExpirySweepCountsNoLinkThatAReissueRetired() {
        Instant expired = Instant.now().minusSeconds(60);
        Invitation replaced = invitation("c".repeat(64), "harbor", "session-2", expired);
        Invitation unanswered = invitation("d".repeat(64), "harbor", "session-2", expired);
        Invitation notNeeded = Invitation.Replacement.ofUnknown(invitation("e".repeat(64), "harbor", "session-2",
                expired)).fresh();
        invitations.addAllIfAbsent(List.of(replaced, unanswered, notNeeded));
        invitations.markReplaced(replaced.replaceWith(invitation("f".repeat(64), "harbor", "session-2",
                Instant.now().plusSeconds(3600))).toRetire().orElseThrow());
        InvitationExpiries expiries = new InvitationExpiries(new TenantCollections(mongo));

        assertThat(expiries.noteExpired(Instant.now())).isEqualTo(1);
    }

    @Test
    void aVoidOfAReplacedLinkKeepsWhatReplacedIt() {
        Invitation open = golden();
        invitations.addAllIfAbsent(List.of(open));
        Invitation retired = open.replaceWith(golden(FRESH_HASH)).toRetire().orElseThrow();
        invitations.markReplaced(retired);

        assertThat(invitations.markVoided(retired.voidWithSession(Instant.now(), UUID.randomUUID()).orElseThrow()))
                .isTrue();

        Invitation voided = invitations.withTokenHash(open.tokenHash()).orElseThrow();
        assertThat(voided.voided()).isTrue();
        assertThat(voided.replacedBy()).isEqualTo(FRESH_HASH);
        assertThat(stored(open.tokenHash()).getList("outbox", Document.class)).isEmpty();
    }

    /** The invitation of the golden samples' session, as its SessionLogged issued it. */
    /**
     * An answer that reports harm keeps the id of the alert its event opens, and a lead of its agency finds the
     * words by it; another agency, an unknown alert and an answer without harm find nothing.
     */
    @Test
    void aHarmReportIsFoundByItsAgencyAndAlertIdOnly() {
        Invitation reported = invitation("e".repeat(64), "harbor", "session-h");
        Invitation calm = invitation("f".repeat(64), "harbor", "session-c");
        invitations.addAllIfAbsent(List.of(reported, calm));
        Instant at = Instant.parse("2026-11-21T10:00:00Z");
        UUID eventId = UUID.randomUUID();
        Answers harm = answers(new HarmAnswer(true, "they shouted at me"), null);
        assertThat(invitations.redeemIfOpen(reported.tokenHash(), harm, reported.redeem(harm, at, eventId), at))
                .isTrue();
        UUID calmEvent = UUID.randomUUID();
        Answers none = answers(new HarmAnswer(false, null), null);
        assertThat(invitations.redeemIfOpen(calm.tokenHash(), none, calm.redeem(none, at, calmEvent), at)).isTrue();
        UUID alertId = FeedbackSubmitted.harmAlertId(eventId);

        assertThat(invitations.harmReport("harbor", alertId)).contains(new HarmReport(alertId, "warmline",
                Instant.parse("2026-11-20T14:30:00Z"), at, "they shouted at me"));
        assertThat(invitations.harmReport("sunrise", alertId)).isEmpty();
        assertThat(invitations.harmReport("harbor", UUID.randomUUID())).isEmpty();
        assertThat(invitations.harmReport("harbor", FeedbackSubmitted.harmAlertId(calmEvent))).isEmpty();
        assertThat(stored(calm.tokenHash())).doesNotContainKey("harmAlertId");
        assertThat(mongo.indexOps(InvitationDocument.COLLECTION).getIndexInfo())
                .anyMatch(index -> index.getName().equals("agency_harm_alert"));
    }

    /**
     * Comments are read by when they were given, within the agency and program, leaving out voided sessions and
     * answers without a comment.
     */
    @Test
    void commentsAreReadByWhenTheyWereGiven() {
        Instant lastOfOctober = Instant.parse("2026-10-31T23:59:59Z");
        Instant firstOfNovember = Instant.parse("2026-11-01T00:00:00Z");
        Instant lastOfNovember = Instant.parse("2026-11-26T12:00:00Z");
        comment(invitation("1".repeat(64), "harbor", "s1"), "october", lastOfOctober);
        comment(invitation("2".repeat(64), "harbor", "s2"), "november first", firstOfNovember);
        comment(invitation("3".repeat(64), "harbor", "s3"), "november late", lastOfNovember);
        comment(invitation("4".repeat(64), "sunrise", "s4"), "other agency", firstOfNovember);
        comment(invitation("5".repeat(64), "harbor", "s5"), null, firstOfNovember);
        Invitation voided = invitation("6".repeat(64), "harbor", "s6");
        comment(voided, "voided", firstOfNovember);
        Invitation read = invitations.ofSession("harbor", "s6").get(0);
        assertThat(invitations.markVoided(read.voidWithSession(lastOfNovember, UUID.randomUUID()).orElseThrow()))
                .isTrue();

        assertThat(invitations.commentsGiven("harbor", "warmline", firstOfNovember,
                Instant.parse("2026-12-01T00:00:00Z"))).containsExactlyInAnyOrder(
                        new GivenComment(firstOfNovember, "november first"),
                        new GivenComment(lastOfNovember, "november late"));
        assertThat(invitations.commentsGiven("harbor", "other-program", firstOfNovember,
                Instant.parse("2026-12-01T00:00:00Z"))).isEmpty();
    }

    private void comment(Invitation invitation, String text, Instant at) {
        invitations.addAllIfAbsent(List.of(invitation));
        Answers given = answers(new HarmAnswer(false, null), text);
        assertThat(invitations.redeemIfOpen(invitation.tokenHash(), given,
                invitation.redeem(given, at, UUID.randomUUID()), at)).isTrue();
    }

    private static Answers answers(HarmAnswer harm, String comment) {
        return Answers.forFramework(Frameworks.PEER_CORE_V1, Map.of("KINDNESS", 4), 4, harm, comment, "en",
                FormMode.OWN_DEVICE);
    }

    private static Invitation golden() {
        return golden(GoldenSamples.SESSION_LOGGED.invitation().tokenHash());
    }

    /** Another link of the golden samples' session, whose form asked the golden answer's items. */
    private static Invitation golden(String tokenHash) {
        return Invitation.issued(tokenHash,
                new InvitedSession("harbor", GOLDEN_SUBMITTED.sessionId(), "warmline", "sp-rivera",
                        GOLDEN_SUBMITTED.sessionAt(), GoldenSamples.SESSION_LOGGED.valuesPracticed()),
                Frameworks.PEER_CORE_V1.ref(), GoldenSamples.SESSION_LOGGED.invitation().expiresAt(),
                GOLDEN_SUBMITTED.itemsAsked());
    }

    /** The answers the golden FeedbackSubmitted was given with, and words that must stay here. */
    private static Answers goldenAnswers() {
        return Answers.forFramework(Frameworks.PEER_CORE_V1, GOLDEN_SUBMITTED.ratings(), GOLDEN_SUBMITTED.hope(),
                new HarmAnswer(false, null), COMMENT, "es", FormMode.OWN_DEVICE);
    }

    private static Invitation invitation(String hash, String agency, String session) {
        return invitation(hash, agency, session, Instant.parse("2026-11-27T15:04:05.123Z"));
    }

    private static Invitation invitation(String hash, String agency, String session, Instant expiresAt) {
        return Invitation.issued(hash, new InvitedSession(agency, session, "warmline", "sp-rivera",
                Instant.parse("2026-11-20T14:30:00Z")), Frameworks.PEER_CORE_V1.ref(), expiresAt);
    }

    private Document stored(String tokenHash) {
        return mongo.findById(tokenHash, Document.class, InvitationDocument.COLLECTION);
    }
}
