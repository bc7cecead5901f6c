package org.peerpulse.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Exit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerpulse.infra.ListeningSockets;

class KafkaBrokerTest {

    @TempDir
    Path dataDir;

    @Test
    void aRecordProducedWithAcksAllIsConsumed() throws Exception {
        try (KafkaBroker broker = timedStart(KafkaBroker.Settings.ephemeral(dataDir), "first start")) {
            assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + broker.port());
            String topic = "probe-" + UUID.randomUUID();
            createTopic(broker, topic);

            RecordMetadata written = produce(broker, topic, "harbor", "session logged");

            assertThat(written.offset()).isZero();
            assertThat(consumeAll(broker, topic, 1)).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("harbor");
                assertThat(record.value()).isEqualTo("session logged");
            });
        }
    }

    @Test
    void aRestartOnTheSameDataDirKeepsTopicsAndRecords() throws Exception {
        String topic = "kept-" + UUID.randomUUID();
        int port;
        try (KafkaBroker broker = KafkaBroker.start(KafkaBroker.Settings.ephemeral(dataDir))) {
            port = broker.port();
            createTopic(broker, topic);
            produce(broker, topic, "sunrise", "before restart");
        }

        KafkaBroker.Settings samePorts = new KafkaBroker.Settings(dataDir, port, 0, 3, Map.of());
        try (KafkaBroker broker = timedStart(samePorts, "restart on a formatted dir")) {
            try (Admin admin = admin(broker)) {
                assertThat(admin.listTopics().names().get()).contains(topic);
            }
            produce(broker, topic, "sunrise", "after restart");
            assertThat(consumeAll(broker, topic, 2)).extracting(ConsumerRecord::value)
                    .containsExactlyInAnyOrder("before restart", "after restart");
        }
    }

    @Test
    void everyListenerIsOnLoopbackOnly() throws Exception {
        Assumptions.assumeTrue(ListeningSockets.available(), "needs Linux /proc to see bound addresses");
        Set<InetSocketAddress> before = ListeningSockets.ofThisProcess();
        try (KafkaBroker broker = KafkaBroker.start(KafkaBroker.Settings.ephemeral(dataDir))) {
            Set<InetSocketAddress> opened = new HashSet<>(ListeningSockets.ofThisProcess());
            opened.removeAll(before);

            assertThat(opened).extracting(InetSocketAddress::getPort)
                    .contains(broker.port(), broker.controllerPort());
            assertThat(opened).allSatisfy(socket ->
                    assertThat(socket.getAddress().getHostAddress()).isEqualTo("127.0.0.1"));

            try (Admin admin = admin(broker)) {
                ConfigResource node = new ConfigResource(ConfigResource.Type.BROKER, "1");
                Config config = admin.describeConfigs(List.of(node)).all().get().get(node);
                assertThat(config.get("listeners").value()).isEqualTo(
                        "PLAINTEXT://127.0.0.1:" + broker.port() + ",CONTROLLER://127.0.0.1:" + broker.controllerPort());
                assertThat(config.get("advertised.listeners").value())
                        .isEqualTo("PLAINTEXT://127.0.0.1:" + broker.port());
                assertThat(admin.describeCluster().nodes().get()).extracting(Node::host).containsOnly("127.0.0.1");
            }
        }
    }

    @Test
    void kafkaCannotEndTheJvm() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(KafkaBroker.Settings.ephemeral(dataDir))) {
            assertThatThrownBy(() -> Exit.exit(1, "simulated fatal error"))
                    .isInstanceOf(KafkaBroker.KafkaExitRefused.class);
            assertThatThrownBy(() -> Exit.halt(1, "simulated fatal error"))
                    .isInstanceOf(KafkaBroker.KafkaExitRefused.class);
        }
    }

    private static KafkaBroker timedStart(KafkaBroker.Settings settings, String what) {
        long started = System.nanoTime();
        KafkaBroker broker = KafkaBroker.start(settings);
        System.out.printf("TIMING kafka %s: %d ms%n", what, Duration.ofNanos(System.nanoTime() - started).toMillis());
        return broker;
    }

    private static Admin admin(KafkaBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static void createTopic(KafkaBroker broker, String topic) throws Exception {
        try (Admin admin = admin(broker)) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
    }

    private static RecordMetadata produce(KafkaBroker broker, String topic, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static List<ConsumerRecord<String, String>> consumeAll(KafkaBroker broker, String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return received.size() >= expected;
            });
        }
        return received;
    }
}
