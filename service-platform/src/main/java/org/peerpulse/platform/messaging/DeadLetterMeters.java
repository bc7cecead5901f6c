package org.peerpulse.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.peerpulse.contracts.Topics;

/**
 * Counts records that went to a dead-letter topic, by the topic they came from: the one number that tells
 * an ops engineer something can never be read and a person must look. Counted only once the broker has
 * acknowledged the dead letter. The topic is the only tag: topics are few and declared, never a key, an
 * agency or a payload. Registered up front for both event topics, so a scrape shows zero before trouble.
 */
public final class DeadLetterMeters {

    static final String DEAD_LETTERS = "peerpulse.deadletters";

    private final MeterRegistry registry;
    private final Map<String, Counter> byTopic = new ConcurrentHashMap<>();

    public DeadLetterMeters(MeterRegistry registry) {
        this.registry = registry;
        List.of(Topics.SESSIONS, Topics.FEEDBACK).forEach(this::counter);
    }

    void deadLettered(String sourceTopic) {
        counter(sourceTopic).increment();
    }

    private Counter counter(String topic) {
        return byTopic.computeIfAbsent(topic, name -> Counter.builder(DEAD_LETTERS)
                .description("Records sent to <topic>-dlt, by the topic they were read from")
                .tag("topic", name)
                .register(registry));
    }
}
