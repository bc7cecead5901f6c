package org.peerpulse.platform.health;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * The two indicators the readiness group names ({@code peerpulse-platform.yml}): {@code mongo}, a bounded
 * ping that replaces Boot's {@code hello} check, and {@code kafkaListeners}, the state of the listener
 * containers. Every service gets both, so the shared group is valid everywhere; a service without
 * listeners simply reports no containers.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HealthProperties.class)
public class HealthConfiguration {

    @Bean
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo, HealthProperties properties) {
        return new MongoPingHealthIndicator(mongo, properties.mongoPingTimeout());
    }

    @Bean
    KafkaListenersHealthIndicator kafkaListenersHealthIndicator(
            ObjectProvider<KafkaListenerEndpointRegistry> registry) {
        return new KafkaListenersHealthIndicator(registry);
    }
}
