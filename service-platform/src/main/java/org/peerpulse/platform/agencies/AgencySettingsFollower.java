package org.peerpulse.platform.agencies;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.peerpulse.contracts.AgencySettingsChanged;
import org.peerpulse.contracts.PeerPulseEvent;
import org.peerpulse.contracts.Topics;
import org.peerpulse.platform.messaging.CloudEvents;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.platform.messaging.UnreadableEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;

/**
 * Reads the whole compacted agencies topic into the {@link AgencyDirectory}, from the beginning, in every
 * instance, and then keeps following it. It joins no consumer group and commits nothing: each instance needs
 * every agency, and the topic holds one small snapshot per agency. Ready once it has read up to where the
 * topic ended when it started, so no instance serves an agency's form or dashboard under settings older than
 * what was already published.
 *
 * <p>session-service, which owns the directory, does not follow it ({@code peerpulse.agencies.follow=false}):
 * then nothing starts and readiness does not wait for it.
 *
 * <p>A record it cannot read is skipped with a warning naming only its partition and offset: a later snapshot
 * of the same agency replaces it anyway.
 */
public class AgencySettingsFollower implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(AgencySettingsFollower.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Map<String, Object> consumerProperties;
    private final EventCodec codec;
    private final AgencyDirectory directory;
    private final boolean follow;
    private final AtomicBoolean caughtUp = new AtomicBoolean();
    private volatile KafkaConsumer<String, String> consumer;
    private volatile Thread thread;

    public AgencySettingsFollower(Map<String, Object> consumerProperties, EventCodec codec,
            AgencyDirectory directory, boolean follow) {
        this.consumerProperties = new HashMap<>(consumerProperties);
        this.consumerProperties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerProperties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        this.consumerProperties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        this.codec = codec;
        this.directory = directory;
        this.follow = follow;
    }

    @Override
    public boolean isAutoStartup() {
        return follow;
    }

    @Override
    public void start() {
        consumer = new KafkaConsumer<>(consumerProperties);
        thread = new Thread(this::follow, "agency-settings");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        if (thread == null) {
            return;
        }
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    @Override
    public Health health() {
        if (!follow) {
            return Health.up().withDetail("followed", false).build();
        }
        return (caughtUp.get() ? Health.up() : Health.down().withDetail("reading", Topics.AGENCIES)).build();
    }

    private void follow() {
        try (KafkaConsumer<String, String> reading = consumer) {
            List<TopicPartition> partitions = partitions(reading);
            reading.assign(partitions);
            reading.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = reading.endOffsets(partitions);
            while (true) {
                for (ConsumerRecord<String, String> record : reading.poll(POLL)) {
                    read(record);
                }
                if (!caughtUp.get() && ends.entrySet().stream()
                        .allMatch(end -> reading.position(end.getKey()) >= end.getValue())) {
                    caughtUp.set(true);
                }
            }
        } catch (WakeupException stopping) {
            log.debug("stopped following {}", Topics.AGENCIES);
        }
    }

    /** The topic's partitions, waiting for it to exist (the service's own admin creates it at start). */
    private static List<TopicPartition> partitions(KafkaConsumer<String, String> reading) {
        while (true) {
            List<TopicPartition> partitions = reading.partitionsFor(Topics.AGENCIES, POLL.multipliedBy(10)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            if (!partitions.isEmpty()) {
                return partitions;
            }
        }
    }

    private void read(ConsumerRecord<String, String> record) {
        try {
            String type = CloudEvents.header(record.headers(), CloudEvents.TYPE).orElse(null);
            PeerPulseEvent event = codec.read(type, record.value());
            if (event instanceof AgencySettingsChanged snapshot) {
                directory.accept(snapshot);
            }
        } catch (UnreadableEventException e) {
            log.warn("skipped an unreadable record on {} partition {} offset {}", record.topic(),
                    record.partition(), record.offset());
        }
    }
}
