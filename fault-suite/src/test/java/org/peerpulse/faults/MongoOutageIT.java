package org.peerpulse.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.Topics;
import org.peerpulse.infra.mongo.DocumentStore;
import org.peerpulse.testsupport.TestBackends;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Scenario 4: MongoDB goes away under metrics-service's consumers (the embedded store stops listening) while
 * the scenario's events wait on both topics, and comes back on the same port. Consumption backs off and retries
 * instead of moving on: the group commits nothing past the first unapplied record, nothing is dead-lettered,
 * readiness is DOWN (the store's ping) while the store is away and UP after; the final numbers are exact.
 */
class MongoOutageIT {

    private static final int SESSIONS = 6;

    /** Longer than several of the error handler's first back-offs (0.2 s, 0.4 s, 0.8 s, 1.6 s, ...). */
    private static final Duration HELD_FOR = Duration.ofSeconds(4);

    @Test
    void consumersRetryWithoutSkippingWhileTheStoreIsAwayAndCountEverythingOnceItIsBack() {
        Api api = Stack.api();
        RunningService metrics = api.metrics();
        Ledger ledger = Ledger.forScenario("mongo-down");
        List<MessageListenerContainer> consumers = List.of(metrics.listener("indicators-sessions"),
                metrics.listener("indicators-feedback"));

        // The scenario's events wait on the topics, unread by metrics-service, when the store goes.
        consumers.forEach(MessageListenerContainer::pause);
        await().atMost(Ledger.WAIT).until(() -> consumers.stream().allMatch(MessageListenerContainer::isContainerPaused));
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            sessions.add(ledger.logSession(api).orElseThrow());
        }
        ledger.logInvalidSession(api);
        sessions.forEach(sessionId -> ledger.submitFeedback(api, sessionId));
        ledger.submitInvalidFeedback(api, sessions.get(0));
        TopicPartition sessionsPartition = firstOf(Kafka.awaitRecordsOf(Topics.SESSIONS, ledger.agency(), SESSIONS));
        TopicPartition feedbackPartition = firstOf(Kafka.awaitRecordsOf(Topics.FEEDBACK, ledger.agency(), SESSIONS));
        long sessionsFrom = Kafka.committed(metrics.group(), sessionsPartition);
        long feedbackFrom = Kafka.committed(metrics.group(), feedbackPartition);
        assertThat(sessionsFrom).as("not read yet").isLessThan(Kafka.endOffset(sessionsPartition));

        DocumentStore store = TestBackends.documentStore();
        store.stop();
        try {
            consumers.forEach(MessageListenerContainer::resume);
            await("readiness DOWN while the store is away").atMost(Ledger.WAIT)
                    .until(() -> Api.readiness(metrics).status() == 503);
            assertThat(Api.readinessDetails(metrics).body().at("/components/mongo/status").asString())
                    .isEqualTo("DOWN");
            // Retried with back-off, never committed past: what was not applied is still there to apply.
            await("the group to hold its position").during(HELD_FOR).atMost(HELD_FOR.plus(Ledger.WAIT))
                    .until(() -> Kafka.committed(metrics.group(), sessionsPartition) == sessionsFrom
                            && Kafka.committed(metrics.group(), feedbackPartition) == feedbackFrom);
            assertThat(consumers).allMatch(MessageListenerContainer::isRunning);
        } finally {
            consumers.forEach(MessageListenerContainer::resume);
            store.restart();
        }

        await("readiness UP once the store is back").atMost(Ledger.WAIT)
                .until(() -> Api.readiness(metrics).status() == 200);
        ledger.assertCountedExactlyOnce(api);
        assertThat(Kafka.recordsOf(Topics.deadLetter(Topics.SESSIONS), ledger.agency(), Duration.ofMillis(500)))
                .as("nothing of the scenario dead-lettered").isEmpty();
        assertThat(Kafka.recordsOf(Topics.deadLetter(Topics.FEEDBACK), ledger.agency(), Duration.ofMillis(500)))
                .as("nothing of the scenario dead-lettered").isEmpty();
    }

    private static TopicPartition firstOf(List<ConsumerRecord<String, String>> records) {
        ConsumerRecord<String, String> first = records.get(0);
        return new TopicPartition(first.topic(), first.partition());
    }
}
