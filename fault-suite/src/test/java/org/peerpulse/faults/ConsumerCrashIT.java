package org.peerpulse.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peerpulse.testsupport.TestBackends;
import tools.jackson.databind.JsonNode;

/**
 * Scenarios 5 and 12, on a metrics-service instance of their own (own group, own database), which reads both
 * topics from the beginning. 5: the consumer crashes after the listener wrote a batch's rollups and
 * before the offsets were committed (an {@link Error} thrown on the consumer thread right then, see
 * {@link CrashAfterApply}); the instance restarted on the same group and database reads the batch again, and the
 * redelivery changes nothing. 12: that Error is noticed, not swallowed: the consumer stops, readiness goes DOWN
 * and names the container and the reason (ERROR).
 */
class ConsumerCrashIT {

    private static final int SESSIONS = 6;

    @Test
    void aCrashBetweenTheRollupWriteAndTheOffsetCommitIsVisibleAndItsRedeliveryChangesNothing() throws Exception {
        Api shared = Stack.api();
        Ledger ledger = Ledger.forScenario("crash");
        String group = "fault-crash-" + ledger.agency();
        String database = "fault-crash-metrics";
        RunningService crashing = RunningService.start(Service.METRICS, database, group,
                Map.of("fault.crash.agency", ledger.agency()), CrashAfterApply.class);
        CrashAfterApply crash = crashing.bean(CrashAfterApply.class);
        try {
            List<String> sessions = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                sessions.add(ledger.logSession(shared).orElseThrow());
            }
            ledger.logInvalidSession(shared);
            assertThat(crash.crashed.await(Ledger.WAIT.toSeconds(), TimeUnit.SECONDS)).as("a batch of ours crashed")
                    .isTrue();

            // Noticed: the consumer is stopped and readiness says which and why.
            await("readiness DOWN after the Error").atMost(Ledger.WAIT)
                    .until(() -> Api.readiness(crashing).status() == 503);
            JsonNode container = Api.readinessDetails(crashing).body()
                    .at("/components/kafkaListeners/details/containers/indicators-sessions");
            assertThat(container.get("reason").asString()).isEqualTo("ERROR");
            assertThat(container.get("state").asString()).isIn("STOPPED", "FAILED");

            // The batch was applied, and none of it committed.
            List<ConsumerRecord<Object, Object>> ours = crash.crashedBatch.stream()
                    .filter(r -> ledger.agency().equals(r.key())).toList();
            assertThat(countedSessions(database, ledger.agency()))
                    .as("the crashed batch, the agency's first, is in the rollups").isEqualTo(ours.size());
            Map<TopicPartition, Long> committed = Kafka.committed(group);
            crash.crashedBatch.forEach(r -> assertThat(committed.getOrDefault(new TopicPartition(r.topic(),
                    r.partition()), 0L)).as("nothing of the crashed batch committed").isLessThanOrEqualTo(r.offset()));

            sessions.forEach(sessionId -> ledger.submitFeedback(shared, sessionId));
        } finally {
            crashing.close();
        }

        try (RunningService restarted = RunningService.start(Service.METRICS, database, group, Map.of())) {
            ledger.assertCountedExactlyOnce(shared.withMetrics(restarted));
        }
        ledger.assertCountedExactlyOnce(shared);
    }

    private static long countedSessions(String database, String agency) {
        try (MongoClient client = MongoClients.create(TestBackends.mongoUri(database))) {
            long sessions = 0;
            for (Document rollup : client.getDatabase(database).getCollection("rollups")
                    .find(new Document("agencyId", agency))) {
                sessions += ((Number) rollup.get("sessions", 0)).longValue();
            }
            return sessions;
        }
    }
}
