package org.peerpulse.feedback.flow;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.peerpulse.contracts.Activity;
import org.peerpulse.contracts.Channel;
import org.peerpulse.contracts.EventIds;
import org.peerpulse.contracts.EventTypes;
import org.peerpulse.contracts.FocusArea;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.InvitationTokens;
import org.peerpulse.contracts.PeerPulseEvent;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.SessionVoided;
import org.peerpulse.contracts.Topics;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.platform.messaging.EventRecords;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * What session-service would do, for the flow, form and browser tests: issue a token, publish its
 * {@code SessionLogged} (or {@code SessionVoided}) on the real broker, and wait until feedback-service has
 * learned it.
 */
record SessionStream(KafkaTemplate<String, String> kafka, EventCodec codec, MongoTemplate mongo) {

    static final String AGENCY = "harbor";
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** A new token whose invitation feedback-service knows, open for a week. */
    String invitedToken() throws Exception {
        return invitedToken(Instant.now().plus(7, ChronoUnit.DAYS)).token();
    }

    Invited invitedToken(Instant expiresAt) throws Exception {
        String token = InvitationTokens.issue(Instant.now());
        SessionLogged logged = new SessionLogged(EventIds.newId(), Instant.now(), AGENCY, UUID.randomUUID().toString(),
                "warmline", "sp-rivera", Instant.parse("2026-11-20T14:30:00Z"), 45, Channel.PHONE,
                Activity.PEER_SUPPORT, List.of(FocusArea.RECOVERY_GOALS), true, List.of("EMPATHY"),
                Frameworks.PEER_CORE_V1.ref(),
                new SessionLogged.InvitationIssued(InvitationTokens.hashOf(token), expiresAt));
        publish(logged);
        await().atMost(WAIT).until(() -> invitation(token) != null);
        return new Invited(token, logged);
    }

    void voidSession(SessionLogged logged) throws Exception {
        publish(voidingOf(logged));
        awaitVoided(logged);
    }

    /** The SessionVoided session-service would publish for {@code logged}, with what it had contributed. */
    static SessionVoided voidingOf(SessionLogged logged) {
        return new SessionVoided(EventIds.newId(), Instant.now(), AGENCY, logged.sessionId(), logged.programId(),
                logged.specialistId(), logged.sessionAt(), logged.contribution());
    }

    void awaitVoided(SessionLogged logged) {
        String hash = logged.invitation().tokenHash();
        await().atMost(WAIT).until(() -> {
            Document invitation = mongo.findById(hash, Document.class, "invitations");
            return invitation != null && invitation.getBoolean("voided");
        });
    }

    Document invitation(String token) {
        return mongo.findById(InvitationTokens.hashOf(token), Document.class, "invitations");
    }

    void publish(PeerPulseEvent event) throws Exception {
        kafka.send(EventRecords.of(Topics.SESSIONS, event.agencyId(), event.eventId().toString(),
                EventTypes.typeOf(event), event.occurredAt(), "/session-service", codec.write(event))).get();
    }

    record Invited(String token, SessionLogged logged) {
    }
}
