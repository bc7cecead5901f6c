package org.peerpulse.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.Topics;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Scenario 10: metrics-service reads the participants' feedback before the sessions it answers, which live on
 * the other topic (here its sessions consumer is held while both flow; in production a lagging partition does
 * the same). The feedback is taken in when it comes, nothing is lost or counted twice when the sessions follow,
 * and the final numbers are exact.
 */
class FeedbackBeforeSessionIT {

    private static final int SESSIONS = 6;

    @Test
    void feedbackReadBeforeItsSessionIsCountedOnceTheSessionArrives() {
        Api api = Stack.api();
        RunningService metrics = api.metrics();
        Ledger ledger = Ledger.forScenario("feedback-first");
        MessageListenerContainer sessionsConsumer = metrics.listener("indicators-sessions");

        sessionsConsumer.pause();
        await().atMost(Ledger.WAIT).until(sessionsConsumer::isContainerPaused);
        List<String> sessions = new ArrayList<>();
        try {
            for (int i = 0; i < SESSIONS; i++) {
                sessions.add(ledger.logSession(api).orElseThrow());
            }
            sessions.forEach(sessionId -> ledger.submitFeedback(api, sessionId));
            ledger.submitInvalidFeedback(api, sessions.get(1));
            List<ConsumerRecord<String, String>> feedback = Kafka.awaitRecordsOf(Topics.FEEDBACK, ledger.agency(),
                    SESSIONS);
            ConsumerRecord<String, String> last = feedback.get(feedback.size() - 1);
            TopicPartition partition = new TopicPartition(last.topic(), last.partition());
            await("metrics-service to have read the feedback").atMost(Ledger.WAIT)
                    .until(() -> Kafka.committed(metrics.group(), partition) > last.offset());
            ConsumerRecord<String, String> firstSession = Kafka.awaitRecordsOf(Topics.SESSIONS, ledger.agency(), 1)
                    .get(0);
            assertThat(Kafka.committed(metrics.group(), new TopicPartition(firstSession.topic(),
                    firstSession.partition()))).as("while none of the sessions had been read")
                    .isLessThanOrEqualTo(firstSession.offset());
        } finally {
            sessionsConsumer.resume();
        }

        ledger.assertCountedExactlyOnce(api);
    }
}
