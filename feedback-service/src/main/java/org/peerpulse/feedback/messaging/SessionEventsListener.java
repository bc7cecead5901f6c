package org.peerpulse.feedback.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.peerpulse.contracts.PeerPulseEvent;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.SessionVoided;
import org.peerpulse.contracts.Topics;
import org.peerpulse.feedback.application.LearnInvitation;
import org.peerpulse.feedback.application.VoidInvitation;
import org.peerpulse.platform.messaging.ContractRecords;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Learns invitations from the session stream and voids them with their sessions. Both use cases are
 * idempotent, so a redelivered record changes nothing; a record that cannot be read goes to the
 * dead-letter topic through the platform's error handler.
 */
@Component
class SessionEventsListener {

    private final ContractRecords records;
    private final LearnInvitation learnInvitation;
    private final VoidInvitation voidInvitation;

    SessionEventsListener(ContractRecords records, LearnInvitation learnInvitation, VoidInvitation voidInvitation) {
        this.records = records;
        this.learnInvitation = learnInvitation;
        this.voidInvitation = voidInvitation;
    }

    @KafkaListener(topics = Topics.SESSIONS)
    void on(ConsumerRecord<String, String> record) {
        PeerPulseEvent event = records.read(record);
        if (event instanceof SessionLogged logged) {
            SessionEvents.invitationOf(logged).ifPresent(learnInvitation::learn);
        } else if (event instanceof SessionVoided voided) {
            voidInvitation.voidSession(SessionEvents.voidingOf(voided));
        }
    }
}
