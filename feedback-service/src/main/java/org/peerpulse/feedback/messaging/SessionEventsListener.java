package org.peerpulse.feedback.messaging;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.peerpulse.contracts.InvitationsReissued;
import org.peerpulse.contracts.PeerPulseEvent;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.SessionVoided;
import org.peerpulse.contracts.Topics;
import org.peerpulse.feedback.application.FollowSessions;
import org.peerpulse.platform.messaging.ContractRecords;
import org.peerpulse.platform.messaging.DeadLetters;
import org.peerpulse.platform.messaging.UnreadableEventException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.stereotype.Component;

/**
 * Reads the session stream a poll at a time: translates every record, hands the readable ones to
 * {@link FollowSessions} in one call (the invitations they issued, then the reissues and voids, in order),
 * then dead-letters the unreadable ones. Dead letters go last, as in metrics-service, so that a batch retried
 * after a database outage does not send them twice, and a bad record never holds up the partition. Following
 * is idempotent, so a redelivered batch changes nothing.
 */
@Component
class SessionEventsListener {

    private final ContractRecords records;
    private final DeadLetters deadLetters;
    private final FollowSessions followSessions;

    SessionEventsListener(ContractRecords records, DeadLetters deadLetters, FollowSessions followSessions) {
        this.records = records;
        this.deadLetters = deadLetters;
        this.followSessions = followSessions;
    }

    @KafkaListener(topics = Topics.SESSIONS, batch = "true")
    void on(List<ConsumerRecord<String, String>> polled) {
        List<FollowSessions.IssuedInvitation> issued = new ArrayList<>();
        List<FollowSessions.SessionChange> changes = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        for (ConsumerRecord<String, String> record : polled) {
            try {
                PeerPulseEvent event = records.read(record);
                if (event instanceof SessionLogged logged) {
                    issued.addAll(SessionEvents.invitationsOf(logged));
                } else if (event instanceof InvitationsReissued reissued) {
                    changes.add(SessionEvents.reissueOf(reissued));
                } else if (event instanceof SessionVoided voiding) {
                    changes.add(SessionEvents.voidingOf(voiding));
                }
            } catch (UnreadableEventException e) {
                unreadable.add(new Unreadable(record, e));
            }
        }
        followSessions.follow(new FollowSessions.Batch(issued, changes));
        for (Unreadable bad : unreadable) {
            deadLetters.send(bad.record(), bad.asFailureOf(KafkaUtils.getConsumerGroupId()));
        }
    }

    private record Unreadable(ConsumerRecord<String, String> record, UnreadableEventException reason) {

        /**
         * The reason as the container's error handler would have passed it, naming this service's consumer
         * group: the dead letter then says which consumer of the topic gave up on it (both feedback-service
         * and metrics-service dead-letter session records to the same topic).
         */
        ListenerExecutionFailedException asFailureOf(String group) {
            return new ListenerExecutionFailedException("unreadable session record", group, reason);
        }
    }
}
