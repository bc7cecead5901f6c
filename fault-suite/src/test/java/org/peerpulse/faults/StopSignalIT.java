package org.peerpulse.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Scenario 8: a stop signal while a batch is in the listener, as GracefulShutdownIntegrationTest shows it for
 * one service, here with the whole flow and exact numbers after. On a metrics-service instance of its own, a
 * sessions batch of the scenario is held in the listener when the context closes (what SIGTERM's shutdown hook
 * does); the listener containers stop first and wait for it; released, it is applied and exactly its offsets are
 * committed. The instance started again on the same group and database goes on from there: nothing is counted
 * twice or left out.
 */
class StopSignalIT {

    private static final int SESSIONS = 6;

    @Test
    void aStopSignalMidBatchAppliesAndCommitsTheBatchAndTheNextInstanceGoesOnFromThere() throws Exception {
        Api shared = Stack.api();
        Ledger ledger = Ledger.forScenario("stop");
        String group = "fault-stop-" + ledger.agency();
        String database = "fault-stop-metrics";
        RunningService stopping = RunningService.start(Service.METRICS, database, group,
                Map.of("fault.hold.agency", ledger.agency()), HoldBatch.class);
        HoldBatch hold = stopping.bean(HoldBatch.class);
        KafkaListenerEndpointRegistry listeners = stopping.bean(KafkaListenerEndpointRegistry.class);
        List<String> sessions = new ArrayList<>();
        CompletableFuture<Void> closed;
        try {
            for (int i = 0; i < SESSIONS; i++) {
                sessions.add(ledger.logSession(shared).orElseThrow());
            }
            assertThat(hold.held.await(Ledger.WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            closed = CompletableFuture.runAsync(stopping::close);
            await("the listener containers to stop first").atMost(Ledger.WAIT).until(() -> !listeners.isRunning());
            assertThat(Api.readiness(stopping).status()).as("no new traffic while stopping").isEqualTo(503);
            assertThat(closed).as("the context waits for the batch in the listener").isNotDone();
        } finally {
            hold.release.countDown();
        }
        closed.get(Ledger.WAIT.toSeconds(), TimeUnit.SECONDS);

        Map<TopicPartition, Long> committed = Kafka.committed(group);
        hold.heldUpTo.forEach((partition, next) -> assertThat(committed.get(partition))
                .as("%s committed exactly up to the end of the held batch", partition).isEqualTo(next));

        sessions.forEach(sessionId -> ledger.submitFeedback(shared, sessionId));
        try (RunningService next = RunningService.start(Service.METRICS, database, group, Map.of())) {
            ledger.assertCountedExactlyOnce(shared.withMetrics(next));
        }
    }
}
