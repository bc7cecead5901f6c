package org.peerpulse.faults;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.peerpulse.testsupport.TestBackends;
import org.peerpulse.testsupport.TopicProbe;

/**
 * The broker as the scenarios see it from outside the services: what a group has committed, what a topic holds
 * for an agency, and records written straight to a topic (poison that no service would publish).
 */
final class Kafka {

    static final String DLT_ORIGINAL_GROUP = "kafka_dlt-original-consumer-group";
    static final String DLT_ORIGINAL_OFFSET = "kafka_dlt-original-offset";

    private Kafka() {
    }

    static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestBackends.kafkaBootstrapServers()));
    }

    /** Offsets {@code group} has committed, by partition (none for a partition it never committed). */
    static Map<TopicPartition, Long> committed(String group) {
        try (Admin admin = admin()) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                    .entrySet().stream().filter(e -> e.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the offsets of " + group, e);
        }
    }

    static long committed(String group, TopicPartition partition) {
        return committed(group).getOrDefault(partition, 0L);
    }

    static long endOffset(TopicPartition partition) {
        try (Admin admin = admin()) {
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                    .get(30, TimeUnit.SECONDS).offset();
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the end of " + partition, e);
        }
    }

    /** The records of {@code agency} (the record key) on {@code topic}, waiting for {@code count} of them. */
    static List<ConsumerRecord<String, String>> awaitRecordsOf(String topic, String agency, int count) {
        return TopicProbe.awaitRecords(TestBackends.kafkaBootstrapServers(), topic, r -> agency.equals(r.key()),
                count, Ledger.WAIT);
    }

    /** Every record of {@code agency} on {@code topic} once it has been quiet for {@code quietFor}. */
    static List<ConsumerRecord<String, String>> recordsOf(String topic, String agency, Duration quietFor) {
        return TopicProbe.readAll(TestBackends.kafkaBootstrapServers(), topic, quietFor).stream()
                .filter(r -> agency.equals(r.key())).toList();
    }

    /** Writes one record as it is, with the given headers, and returns where the broker put it. */
    static RecordMetadata send(String topic, String key, String value, Map<String, String> headers) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestBackends.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
            return producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot write to " + topic, e);
        }
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static long longHeader(ConsumerRecord<?, ?> record, String name) {
        return ByteBuffer.wrap(record.headers().lastHeader(name).value()).getLong();
    }

}
