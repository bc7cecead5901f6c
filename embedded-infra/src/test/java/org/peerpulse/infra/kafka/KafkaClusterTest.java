package org.peerpulse.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three-broker cluster keeps taking acks=all writes when a partition's leader goes: replication 3 and
 * min.insync.replicas 2 by default, a new leader from the in-sync followers, nothing written before lost.
 */
class KafkaClusterTest {

    @TempDir
    Path baseDir;

    @Test
    void writesGoOnWhenThePartitionLeaderIsLostAndNothingWrittenIsLost() throws Exception {
        try (KafkaCluster cluster = KafkaCluster.start(baseDir, 3, Map.of());
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        cluster.bootstrapServers()))) {
            assertThat(cluster.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+(,127\\.0\\.0\\.1:\\d+){2}");
            admin.createTopics(List.of(new NewTopic("replicated", 1, (short) -1))).all().get(30, TimeUnit.SECONDS);
            // Brokers learn a new topic from the controller's metadata a moment after it is created.
            TopicPartitionInfo before = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> partition(admin), partition -> partition.isr().size() == 3);
            assertThat(before.replicas()).hasSize(3);
            assertThat(cluster.brokerIds()).containsAll(before.replicas().stream().map(n -> n.id()).toList());
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "replicated");
            assertThat(admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic)
                    .get("min.insync.replicas").value()).isEqualTo("2");

            try (KafkaProducer<String, String> producer = producer(cluster)) {
                producer.send(new ProducerRecord<>("replicated", "harbor", "before")).get(30, TimeUnit.SECONDS);
                cluster.stopBroker(before.leader().id());
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    TopicPartitionInfo after = partition(admin);
                    assertThat(after.leader()).isNotNull();
                    assertThat(after.leader().id()).isNotEqualTo(before.leader().id());
                });
                producer.send(new ProducerRecord<>("replicated", "harbor", "after")).get(30, TimeUnit.SECONDS);
            }
            assertThat(cluster.running()).hasSize(2).doesNotContain(before.leader().id());
            assertThat(readAll(cluster, 2)).containsExactly("before", "after");
        }
    }

    private static TopicPartitionInfo partition(Admin admin) throws Exception {
        return admin.describeTopics(List.of("replicated")).allTopicNames().get(30, TimeUnit.SECONDS)
                .get("replicated").partitions().get(0);
    }

    private static KafkaProducer<String, String> producer(KafkaCluster cluster) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    private static List<String> readAll(KafkaCluster cluster, int count) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()), new StringDeserializer(),
                new StringDeserializer())) {
            TopicPartition partition = new TopicPartition("replicated", 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<String> values = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                return values.size() >= count;
            });
            return values;
        }
    }
}
