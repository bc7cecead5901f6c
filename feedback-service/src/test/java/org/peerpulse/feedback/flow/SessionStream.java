package org.peerpulse.feedback.flow;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.bson.Document;
import org.peerpulse.contracts.Activity;
import org.peerpulse.contracts.AgencySettingsChanged;
import org.peerpulse.contracts.Channel;
import org.peerpulse.contracts.EventIds;
import org.peerpulse.contracts.EventTypes;
import org.peerpulse.contracts.FocusArea;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.InvitationTokens;
import org.peerpulse.contracts.InvitationsReissued;
import org.peerpulse.contracts.PeerPulseEvent;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.SessionVoided;
import org.peerpulse.contracts.Topics;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.platform.messaging.EventRecords;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * What session-service would do, for the flow, form and browser tests: issue tokens, publish their
 * {@code SessionLogged} (or an {@code InvitationsReissued} or {@code SessionVoided}) on the real broker, and
 * wait until feedback-service has learned it; and publish an agency's settings on the agencies topic.
 */
record SessionStream(KafkaTemplate<String, String> kafka, EventCodec codec, MongoTemplate mongo) {

    static final String AGENCY = "harbor";
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** A new token whose invitation feedback-service knows, open for a week. */
    String invitedToken() throws Exception {
        return invitedToken(Instant.now().plus(7, ChronoUnit.DAYS)).token();
    }

    Invited invitedToken(Instant expiresAt) throws Exception {
        return invitedGroup(1, expiresAt).get(0);
    }

    /**
     * A group session of {@code attendees}, each with their own token, all learned by feedback-service; in
     * token order, each with the same {@code SessionLogged}.
     */
    List<Invited> invitedGroup(int attendees, Instant expiresAt) throws Exception {
        return invitedGroup(AGENCY, attendees, expiresAt);
    }

    /** The same for a session of {@code agency}. */
    List<Invited> invitedGroup(String agency, int attendees, Instant expiresAt) throws Exception {
        List<String> tokens = IntStream.range(0, attendees).mapToObj(i -> InvitationTokens.issue(Instant.now()))
                .toList();
        List<SessionLogged.InvitationIssued> invitations = tokens.stream()
                .map(token -> new SessionLogged.InvitationIssued(InvitationTokens.hashOf(token), expiresAt)).toList();
        SessionLogged logged = new SessionLogged(EventIds.newId(), Instant.now(), agency, UUID.randomUUID().toString(),
                "warmline", "sp-rivera", Instant.parse("2026-11-20T14:30:00Z"), 45,
                attendees == 1 ? Channel.PHONE : Channel.GROUP,
                attendees == 1 ? Activity.PEER_SUPPORT : Activity.GROUP_FACILITATION,
                List.of(FocusArea.RECOVERY_GOALS), true, List.of("EMPATHY"), Frameworks.PEER_CORE_V1.ref(),
                invitations.get(0), invitations);
        publish(logged);
        await().atMost(WAIT).until(() -> tokens.stream().allMatch(token -> invitation(token) != null));
        return tokens.stream().map(token -> new Invited(token, logged)).toList();
    }

    /**
     * What session-service publishes when the specialist asks for fresh links: one per token in {@code replaced},
     * in that order, open for a week. Waits until feedback-service has learned every fresh link.
     */
    Reissued reissue(SessionLogged logged, List<String> replaced) throws Exception {
        List<String> fresh = replaced.stream().map(token -> InvitationTokens.issue(Instant.now())).toList();
        Instant expiresAt = Instant.now().plus(7, ChronoUnit.DAYS);
        InvitationsReissued reissued = new InvitationsReissued(EventIds.newId(), Instant.now(), logged.agencyId(),
                logged.sessionId(), logged.programId(), logged.specialistId(), logged.sessionAt(), logged.framework(),
                IntStream.range(0, replaced.size()).mapToObj(i -> new InvitationsReissued.Replacement(
                        InvitationTokens.hashOf(replaced.get(i)), InvitationTokens.hashOf(fresh.get(i)), expiresAt))
                        .toList());
        publish(reissued);
        await().atMost(WAIT).until(() -> fresh.stream().allMatch(token -> invitation(token) != null));
        return new Reissued(fresh, reissued);
    }

    void voidSession(SessionLogged logged) throws Exception {
        publish(voidingOf(logged));
        awaitVoided(logged);
    }

    /** The SessionVoided session-service would publish for {@code logged}, with what it had contributed. */
    static SessionVoided voidingOf(SessionLogged logged) {
        return new SessionVoided(EventIds.newId(), Instant.now(), logged.agencyId(), logged.sessionId(),
                logged.programId(),
                logged.specialistId(), logged.sessionAt(), logged.contribution());
    }

    /** Waits until every invitation the session issued is voided. */
    void awaitVoided(SessionLogged logged) {
        await().atMost(WAIT).until(() -> logged.invitations().stream().allMatch(issued -> {
            Document invitation = mongo.findById(issued.tokenHash(), Document.class, "invitations");
            return invitation != null && invitation.getBoolean("voided");
        }));
    }

    Document invitation(String token) {
        return mongo.findById(InvitationTokens.hashOf(token), Document.class, "invitations");
    }

    void publish(PeerPulseEvent event) throws Exception {
        publish(Topics.SESSIONS, event);
    }

    /** What session-service publishes when a quality lead saves an agency's directory or settings. */
    void publishSettings(AgencySettingsChanged snapshot) throws Exception {
        publish(Topics.AGENCIES, snapshot);
    }

    /**
     * An agency's settings as session-service publishes them: its value items per form ({@code null}: all) and
     * crisis lines, everything else the defaults.
     */
    static AgencySettingsChanged settings(String agency, long version, Integer valueItemsPerForm,
            Map<String, String> crisisLine) {
        AgencySettingsChanged.Settings defaults = AgencySettingsChanged.Settings.DEFAULTS;
        return new AgencySettingsChanged(EventIds.newId(), Instant.now(), agency, version, List.of(), List.of(),
                new AgencySettingsChanged.Settings(defaults.timeZone(), defaults.minCellSize(),
                        defaults.exportMinCellSize(), defaults.valuesIndexFloor(), defaults.trustIndexFloor(),
                        defaults.part2Programs(), crisisLine, defaults.formLanguages(), valueItemsPerForm,
                        defaults.alertWebhookUrl(), defaults.retention()));
    }

    private void publish(String topic, PeerPulseEvent event) throws Exception {
        kafka.send(EventRecords.of(topic, event.agencyId(), event.eventId().toString(),
                EventTypes.typeOf(event), event.occurredAt(), "/session-service", codec.write(event))).get();
    }

    record Invited(String token, SessionLogged logged) {
    }

    /** The fresh tokens, in the order of the tokens they replace, and the event that told feedback-service. */
    record Reissued(List<String> tokens, InvitationsReissued event) {
    }
}
