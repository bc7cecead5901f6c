package org.peerpulse.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Reads a topic from the beginning, outside any consumer group (it assigns itself every partition
 * and commits nothing), so a test can assert what was, or was not, published without disturbing
 * the service's own consumers. Only committed records are seen.
 */
public final class TopicProbe {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final Duration POLL = Duration.ofMillis(100);

    private TopicProbe() {
    }

    /**
     * Every record on {@code topic}: reads up to the end offsets as of the call, then keeps reading
     * until nothing new has arrived for {@code quietFor}. Use a quiet period that outlasts whatever
     * might still (wrongly) publish. A topic that does not exist reads as empty.
     */
    public static List<ConsumerRecord<String, String>> readAll(String bootstrapServers, String topic, Duration quietFor) {
        try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers)) {
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            if (!assignAll(consumer, topic, quietFor)) {
                return records;
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            long lastNews = System.nanoTime();
            long giveUp = System.nanoTime() + quietFor.plus(DEFAULT_TIMEOUT).toNanos();
            while (System.nanoTime() < giveUp) {
                int before = records.size();
                consumer.poll(POLL).forEach(records::add);
                if (records.size() > before) {
                    lastNews = System.nanoTime();
                } else if (caughtUp(consumer, end) && System.nanoTime() - lastNews >= quietFor.toNanos()) {
                    return records;
                }
            }
            throw new AssertionError("topic " + topic + " did not go quiet within " + quietFor.plus(DEFAULT_TIMEOUT));
        }
    }

    /** Waits up to 30 s for {@code count} records on {@code topic} that match; returns the first {@code count}. */
    public static List<ConsumerRecord<String, String>> awaitRecords(String bootstrapServers, String topic,
            Predicate<ConsumerRecord<String, String>> match, int count) {
        return awaitRecords(bootstrapServers, topic, match, count, DEFAULT_TIMEOUT);
    }

    /**
     * Waits up to {@code timeout} for {@code count} records on {@code topic} that match; returns the
     * first {@code count} in partition order of arrival. Fails with an {@link AssertionError} naming
     * how many matched.
     */
    public static List<ConsumerRecord<String, String>> awaitRecords(String bootstrapServers, String topic,
            Predicate<ConsumerRecord<String, String>> match, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers)) {
            List<ConsumerRecord<String, String>> matched = new ArrayList<>();
            if (assignAll(consumer, topic, timeout)) {
                while (matched.size() < count && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                        if (match.test(record)) {
                            matched.add(record);
                        }
                    }
                }
            }
            if (matched.size() < count) {
                throw new AssertionError("expected " + count + " matching record(s) on " + topic + " within "
                        + timeout + ", found " + matched.size());
            }
            return List.copyOf(matched.subList(0, count));
        }
    }

    /** The first record on {@code topic} that matches, waiting up to 30 s. */
    public static ConsumerRecord<String, String> awaitRecord(String bootstrapServers, String topic,
            Predicate<ConsumerRecord<String, String>> match) {
        return awaitRecords(bootstrapServers, topic, match, 1).get(0);
    }

    private static boolean assignAll(KafkaConsumer<String, String> consumer, String topic, Duration waitForTopic) {
        List<TopicPartition> partitions = new ArrayList<>();
        try {
            Awaitility.await("topic " + topic + " to exist")
                    .atMost(waitForTopic.isZero() ? Duration.ofMillis(1) : waitForTopic)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(POLL)
                    .pollInSameThread()
                    .until(() -> {
                        List<PartitionInfo> found = consumer.partitionsFor(topic);
                        found.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                        return !found.isEmpty();
                    });
        } catch (ConditionTimeoutException absent) {
            return false;
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return true;
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static KafkaConsumer<String, String> consumer(String bootstrapServers) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "topic-probe-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /**
     * Waits until {@code group} has committed the end of every partition of {@code topics}, as they are
     * now. A listener that commits a batch only after applying it has then applied everything produced so far.
     */
    public static void awaitCaughtUp(String bootstrapServers, String group, Duration atMost, String... topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topics)).allTopicNames().get()
                    .forEach((topic, description) -> description.partitions().forEach(partition ->
                            latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
            Awaitility.await(group + " to catch up").atMost(atMost).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> now = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                return ends.entrySet().stream().allMatch(end -> end.getValue() == 0 || (now.get(end.getKey()) != null
                        && now.get(end.getKey()).offset() >= end.getValue()));
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the group's offsets", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read the topics' or the group's offsets", e.getCause());
        }
    }
}
