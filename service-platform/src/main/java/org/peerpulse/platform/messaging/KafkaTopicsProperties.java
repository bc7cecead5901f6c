package org.peerpulse.platform.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param partitions partitions of each PeerPulse topic; records are keyed by agency, so this bounds how
 *     many consumers share the load
 * @param replicationFactor 1 on a single local broker, 3 in production
 */
@ConfigurationProperties("peerpulse.kafka")
public record KafkaTopicsProperties(Integer partitions, Short replicationFactor) {

    public KafkaTopicsProperties {
        partitions = partitions == null ? 3 : partitions;
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
    }
}
