package org.peerpulse.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class TestBackendsTest {

    @Test
    void withoutDockerTheEmbeddedBackendsRunOnLoopback() {
        String bootstrap = TestBackends.kafkaBootstrapServers();

        assertThat(TestBackends.backendName()).isEqualTo("embedded");
        assertThat(bootstrap).startsWith("127.0.0.1:");
        assertThat(TestBackends.mongoUri("peerpulse-x")).startsWith("mongodb://127.0.0.1:").endsWith("/peerpulse-x");
        assertThat(TestBackends.documentStore().connectionString() + "/peerpulse-x")
                .isEqualTo(TestBackends.mongoUri("peerpulse-x"));
        assertThat(TestBackends.kafkaBootstrapServers()).isEqualTo(bootstrap);
    }

    @Test
    void theProbeSeesWhatWasPublishedAndNothingElse() throws Exception {
        String bootstrap = TestBackends.kafkaBootstrapServers();
        String topic = "probe-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "harbor", "one")).get();
            producer.send(new ProducerRecord<>(topic, "sunrise", "two")).get();
        }

        ConsumerRecord<String, String> harbor = TopicProbe.awaitRecord(bootstrap, topic, r -> "harbor".equals(r.key()));
        List<ConsumerRecord<String, String>> all = TopicProbe.readAll(bootstrap, topic, Duration.ofMillis(300));

        assertThat(harbor.value()).isEqualTo("one");
        assertThat(all).extracting(ConsumerRecord::value).containsExactlyInAnyOrder("one", "two");
        assertThat(TopicProbe.readAll(bootstrap, "never-created-" + UUID.randomUUID(), Duration.ofMillis(300))).isEmpty();
        assertThatThrownBy(() -> TopicProbe.awaitRecords(bootstrap, topic, r -> "ops".equals(r.key()), 1,
                Duration.ofMillis(500))).isInstanceOf(AssertionError.class).hasMessageContaining("found 0");
    }

    @Test
    void theEmbeddedBrokerComesBackOnTheSameAddressWithItsRecords() throws Exception {
        String bootstrap = TestBackends.kafkaBootstrapServers();
        String topic = "outage-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        produce(bootstrap, topic, "before");

        try {
            TestBackends.stopKafka();
            TestBackends.stopKafka();
            assertThat(TestBackends.kafkaBootstrapServers()).isEqualTo(bootstrap);
            assertThatThrownBy(() -> new Socket("127.0.0.1", Integer.parseInt(bootstrap.split(":")[1])).close())
                    .as("nothing listens while the broker is stopped").isInstanceOf(ConnectException.class);
        } finally {
            TestBackends.startKafka();
        }
        TestBackends.startKafka();
        produce(bootstrap, topic, "after");

        assertThat(TopicProbe.readAll(bootstrap, topic, Duration.ofMillis(300))).extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrder("before", "after");
    }

    private static void produce(String bootstrap, String topic, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "harbor", value)).get();
        }
    }

    @Test
    void theStoreKeepsDatabasesApart() {
        try (MongoClient first = MongoClients.create(TestBackends.mongoUri("db-a"))) {
            first.getDatabase("db-a").getCollection("sessions").insertOne(new Document("_id", "s-1"));
            assertThat(first.getDatabase("db-a").getCollection("sessions").countDocuments()).isEqualTo(1);
            assertThat(first.getDatabase("db-b").getCollection("sessions").countDocuments()).isZero();
        }
        assertThatThrownBy(() -> TestBackends.mongoUri("a/b")).isInstanceOf(IllegalArgumentException.class);
    }
}
