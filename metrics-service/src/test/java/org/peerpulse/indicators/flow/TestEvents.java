package org.peerpulse.indicators.flow;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.peerpulse.contracts.Activity;
import org.peerpulse.contracts.AgencySettingsChanged;
import org.peerpulse.contracts.Channel;
import org.peerpulse.contracts.EventIds;
import org.peerpulse.contracts.EventTypes;
import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.contracts.FeedbackWithdrawn;
import org.peerpulse.contracts.FocusArea;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.PeerPulseEvent;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.SessionVoided;
import org.peerpulse.contracts.Topics;
import org.peerpulse.indicators.agencies.domain.Agencies;
import org.peerpulse.indicators.agencies.domain.AgencySettings;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.platform.messaging.EventRecords;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Contract events as the producers write them, and sending them to the real broker, for the flow tests: an
 * agency's settings too, which the service reads from the agencies topic as it runs.
 */
final class TestEvents {

    private final KafkaTemplate<String, String> kafka;
    private final EventCodec codec;

    TestEvents(KafkaTemplate<String, String> kafka, EventCodec codec) {
        this.kafka = kafka;
        this.codec = codec;
    }

    /** The record the producer would send for {@code event}, with its CloudEvents headers. */
    ProducerRecord<String, String> record(String topic, PeerPulseEvent event) {
        return EventRecords.of(topic, event.agencyId(), event.eventId().toString(), EventTypes.typeOf(event),
                event.occurredAt(), "/test", codec.write(event));
    }

    void publish(String topic, PeerPulseEvent event) throws Exception {
        send(record(topic, event));
    }

    void send(ProducerRecord<String, String> record) throws Exception {
        kafka.send(record).get();
    }

    static SessionLogged session(String agency, String program, String specialist, Instant at, int minutes,
            Activity activity, List<FocusArea> focus, List<String> strengths) {
        SessionLogged.InvitationIssued invitation = new SessionLogged.InvitationIssued("hash", at.plus(Duration.ofDays(7)));
        return new SessionLogged(EventIds.newId(), Instant.now(), agency, UUID.randomUUID().toString(), program,
                specialist, at, minutes, Channel.IN_PERSON, activity, focus, !strengths.isEmpty(), List.of(),
                Frameworks.PEER_CORE_V1.ref(), invitation, List.of(invitation));
    }

    static SessionLogged session(String agency, String program, String specialist, Instant at) {
        return session(agency, program, specialist, at, 30, Activity.PEER_SUPPORT, List.of(FocusArea.WELLNESS),
                List.of());
    }

    /** {@code session} as logged by a specialist who said they practiced {@code values} in it. */
    static SessionLogged practicing(SessionLogged session, List<String> values) {
        return new SessionLogged(session.eventId(), session.occurredAt(), session.agencyId(), session.sessionId(),
                session.programId(), session.specialistId(), session.sessionAt(), session.durationMinutes(),
                session.channel(), session.activity(), session.focusAreas(), session.strengthsAcknowledged(), values,
                session.framework(), session.invitation(), session.invitations());
    }

    /**
     * Publishes an agency's new settings on the agencies topic, as session-service does when a quality lead saves
     * them, and waits until the running service reads them.
     */
    void settle(AgencySettingsChanged snapshot, Agencies agencies) throws Exception {
        publish(Topics.AGENCIES, snapshot);
        AgencySettings expected = AgencySettings.of(snapshot.settings());
        await().atMost(Duration.ofSeconds(30)).until(() -> agencies.of(snapshot.agencyId()).equals(expected));
    }

    /** The whole snapshot of an agency that changed only what a test needs; the rest are the defaults. */
    static AgencySettingsChanged settingsChanged(String agency, long version, String zone, int minCellSize,
            List<String> part2Programs, Double valuesIndexFloor, Double trustIndexFloor) {
        AgencySettingsChanged.Settings defaults = AgencySettingsChanged.Settings.DEFAULTS;
        return new AgencySettingsChanged(EventIds.newId(), Instant.now(), agency, version, List.of(), List.of(),
                new AgencySettingsChanged.Settings(zone, minCellSize, defaults.exportMinCellSize(), valuesIndexFloor,
                        trustIndexFloor, part2Programs, defaults.crisisLine(), defaults.formLanguages(),
                        defaults.valueItemsPerForm(), defaults.alertWebhookUrl(), defaults.retention()));
    }

    static FeedbackSubmitted feedback(SessionLogged session, Map<String, Integer> ratings, int hope, boolean harm) {
        return new FeedbackSubmitted(EventIds.newId(), Instant.now(), session.agencyId(), session.sessionId(),
                session.programId(), session.specialistId(), session.sessionAt(), Frameworks.PEER_CORE_V1.ref(),
                ratings, hope, harm, "en", "OWN_DEVICE", session.valuesPracticed(), List.of());
    }

    /** An answer to {@code session} collected in {@code mode}, on a form that asked {@code itemsAsked}. */
    static FeedbackSubmitted answered(SessionLogged session, Map<String, Integer> ratings, int hope, String mode,
            List<String> itemsAsked) {
        return new FeedbackSubmitted(EventIds.newId(), Instant.now(), session.agencyId(), session.sessionId(),
                session.programId(), session.specialistId(), session.sessionAt(), Frameworks.PEER_CORE_V1.ref(),
                ratings, hope, false, "en", mode, session.valuesPracticed(), itemsAsked);
    }

    static SessionVoided voided(SessionLogged session) {
        return new SessionVoided(EventIds.newId(), Instant.now(), session.agencyId(), session.sessionId(),
                session.programId(), session.specialistId(), session.sessionAt(), session.contribution());
    }

    /** What feedback-service publishes for each counted answer of a voided session. */
    static FeedbackWithdrawn withdrawn(FeedbackSubmitted answer) {
        return FeedbackWithdrawn.of(answer, FeedbackWithdrawn.SESSION_VOIDED, EventIds.newId(), Instant.now());
    }
}
