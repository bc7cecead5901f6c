package org.peerpulse.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.Topics;
import org.peerpulse.infra.kafka.KafkaCluster;
import org.peerpulse.testsupport.TopicProbe;

/**
 * Scenario 2: the leader of the partition a scenario's events go to is lost while the services produce. A
 * cluster of three in-JVM KRaft brokers and a controller (replication 3, {@code min.insync.replicas} 2)
 * carries a stack of its own (the three services on databases of their own); sessions and feedback flow while the
 * broker leading the agency's sessions partition is shut down. Leadership moves to an in-sync follower, the
 * idempotent, {@code acks=all} outbox relays carry on against it, and every acknowledged write is counted once.
 */
class PartitionLeaderLossIT {

    private static final int SESSIONS = 12;

    @Test
    void losingThePartitionLeaderWhileProducingLosesAndDoublesNothing() throws Exception {
        Path dataDir = Files.createTempDirectory("peerpulse-fault-cluster-");
        try (KafkaCluster cluster = KafkaCluster.start(dataDir, 3, Map.of())) {
            Map<String, String> onCluster = Map.of("spring.kafka.bootstrap-servers", cluster.bootstrapServers(),
                    "peerpulse.kafka.replication-factor", "3");
            try (RunningService sessions = RunningService.start(Service.SESSION, "cluster-sessions", null, onCluster);
                    RunningService feedback = RunningService.start(Service.FEEDBACK, "cluster-feedback",
                            "cluster-feedback-service", with(onCluster, Stack.FEEDBACK_SETTINGS));
                    RunningService metrics = RunningService.start(Service.METRICS, "cluster-metrics",
                            "cluster-metrics-service", onCluster)) {
                Api api = new Api(sessions, feedback, metrics);
                Ledger ledger = Ledger.onItsOwnCluster("leader-loss");
                String first = ledger.logSession(api).orElseThrow();
                ledger.submitFeedback(api, first);

                ConsumerRecord<String, String> record = TopicProbe.awaitRecords(cluster.bootstrapServers(),
                        Topics.SESSIONS, r -> ledger.agency().equals(r.key()), 1, Ledger.WAIT).get(0);
                TopicPartitionInfo before = await().atMost(Ledger.WAIT).ignoreExceptions()
                        .until(() -> partition(cluster, record.partition()), p -> p.isr().size() == 3);
                assertThat(before.replicas()).as("replication 3").hasSize(3);
                assertThat(before.isr()).as("all in sync before").hasSize(3);
                assertThat(minInSyncReplicas(cluster)).isEqualTo("2");
                int leader = before.leader().id();

                AtomicInteger written = new AtomicInteger(1);
                CompletableFuture<Void> traffic = CompletableFuture.runAsync(() -> {
                    for (int i = 1; i < SESSIONS; i++) {
                        String sessionId = ledger.logSession(api).orElseThrow();
                        ledger.submitFeedback(api, sessionId);
                        written.incrementAndGet();
                    }
                });
                await().atMost(Ledger.WAIT).until(() -> written.get() >= 3 || traffic.isDone());
                cluster.stopBroker(leader);

                await("a new leader for the partition").atMost(Ledger.WAIT).untilAsserted(() -> {
                    TopicPartitionInfo after = partition(cluster, record.partition());
                    assertThat(after.leader()).isNotNull();
                    assertThat(after.leader().id()).isNotEqualTo(leader);
                });
                traffic.get(2 * Ledger.WAIT.toSeconds(), TimeUnit.SECONDS);
                assertThat(written.get()).isEqualTo(SESSIONS);
                assertThat(ledger.refused()).isEmpty();
                assertThat(cluster.running()).doesNotContain(leader).hasSize(2);

                ledger.assertCountedExactlyOnce(api);
            }
        } finally {
            deleteQuietly(dataDir);
        }
    }

    private static TopicPartitionInfo partition(KafkaCluster cluster, int partition) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            TopicDescription topic = admin.describeTopics(List.of(Topics.SESSIONS)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(Topics.SESSIONS);
            return topic.partitions().get(partition);
        }
    }

    private static String minInSyncReplicas(KafkaCluster cluster) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.SESSIONS);
            return admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic)
                    .get("min.insync.replicas").value();
        }
    }

    private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
        Map<String, String> both = new java.util.HashMap<>(a);
        both.putAll(b);
        return both;
    }

    private static void deleteQuietly(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
