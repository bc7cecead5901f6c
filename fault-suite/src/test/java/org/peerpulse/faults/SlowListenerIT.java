package org.peerpulse.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.Topics;

/**
 * Scenario 7: a listener slower than {@code max.poll.interval.ms}. On a metrics-service instance of its own
 * (own group and database, {@code max.poll.interval.ms} 4 s), a sessions batch of the scenario is held before the
 * listener until the broker has given the consumer's partitions up (the consumer left the group for polling too
 * late); released, the listener applies it, the commit of a group generation that is gone fails, the consumer
 * rejoins and gets the same records again. The redelivery changes nothing: the numbers are exact.
 */
class SlowListenerIT {

    private static final int SESSIONS = 6;

    @Test
    void aBatchSlowerThanTheMaxPollIntervalIsDeliveredAgainAndCountedOnce() throws Exception {
        Api shared = Stack.api();
        Ledger ledger = Ledger.forScenario("slow");
        String group = "fault-slow-" + ledger.agency();
        try (RunningService slow = RunningService.start(Service.METRICS, "fault-slow-metrics", group,
                Map.of("fault.hold.agency", ledger.agency(),
                        "spring.kafka.consumer.properties.max.poll.interval.ms", "4000"), HoldBatch.class)) {
            HoldBatch hold = slow.bean(HoldBatch.class);
            List<String> sessions = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                sessions.add(ledger.logSession(shared).orElseThrow());
            }
            try {
                assertThat(hold.held.await(Ledger.WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
                await("the held consumer to lose its sessions partitions").atMost(Ledger.WAIT)
                        .until(() -> !holdsSessionsPartitions(group));
            } finally {
                hold.release.countDown();
            }
            sessions.forEach(sessionId -> ledger.submitFeedback(shared, sessionId));
            ledger.assertCountedExactlyOnce(shared.withMetrics(slow));
            assertThat(hold.heldRecordsDeliveredAgain()).as("the held records were delivered again")
                    .isEqualTo(hold.heldRecords.size());
        }
    }

    private static boolean holdsSessionsPartitions(String group) throws Exception {
        try (Admin admin = Kafka.admin()) {
            return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get(30, TimeUnit.SECONDS)
                    .members().stream().anyMatch(member -> member.assignment().topicPartitions().stream()
                            .anyMatch(partition -> partition.topic().equals(Topics.SESSIONS)));
        }
    }
}
