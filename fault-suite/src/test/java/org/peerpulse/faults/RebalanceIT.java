package org.peerpulse.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.Topics;

/**
 * Scenario 6: while sessions and feedback flow, a second metrics-service instance joins the shared instance's
 * group (same database, as a second replica would), takes partitions of both topics, and leaves again. Every
 * rebalance hands partitions over mid-stream; every acknowledged write is still counted once.
 */
class RebalanceIT {

    private static final int SESSIONS = 12;

    @Test
    void aSecondInstanceJoiningAndLeavingWhileEventsFlowChangesNoNumber() throws Exception {
        Api api = Stack.api();
        RunningService metrics = api.metrics();
        Ledger ledger = Ledger.forScenario("rebalance");
        int membersAlone = members(metrics.group()).size();
        AtomicInteger written = new AtomicInteger();
        CompletableFuture<Void> traffic = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < SESSIONS; i++) {
                String sessionId = ledger.logSession(api).orElseThrow();
                ledger.submitFeedback(api, sessionId);
                written.incrementAndGet();
            }
        });

        try (RunningService second = RunningService.start(Service.METRICS, metrics.database(), metrics.group(),
                Map.of())) {
            await("the second instance to take partitions").atMost(Ledger.WAIT).until(() -> {
                Collection<MemberDescription> members = members(metrics.group());
                return members.size() == 2 * membersAlone
                        && members.stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty());
            });
            int before = written.get();
            await("events to flow while both instances share the partitions").atMost(Ledger.WAIT)
                    .until(() -> written.get() >= before + 2 || traffic.isDone());
        }
        // Back to one instance, and settled: its consumers hold every partition again, so no rebalance of this
        // scenario's is still under way when the next one starts.
        await("the group back to one instance holding every partition").atMost(Ledger.WAIT).until(() -> {
            Collection<MemberDescription> members = members(metrics.group());
            return members.size() == membersAlone && members.stream()
                    .mapToInt(m -> m.assignment().topicPartitions().size()).sum() == partitionsOfBothTopics();
        });
        traffic.get(Ledger.WAIT.toSeconds() * 2, TimeUnit.SECONDS);
        assertThat(written.get()).isEqualTo(SESSIONS);

        ledger.assertCountedExactlyOnce(api);
    }

    private static int partitionsOfBothTopics() throws Exception {
        try (Admin admin = Kafka.admin()) {
            return admin.describeTopics(java.util.List.of(Topics.SESSIONS, Topics.FEEDBACK)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).values().stream().mapToInt(t -> t.partitions().size()).sum();
        }
    }

    private static Collection<MemberDescription> members(String group) throws Exception {
        try (Admin admin = Kafka.admin()) {
            return admin.describeConsumerGroups(java.util.List.of(group)).describedGroups().get(group)
                    .get(30, TimeUnit.SECONDS).members();
        }
    }
}
