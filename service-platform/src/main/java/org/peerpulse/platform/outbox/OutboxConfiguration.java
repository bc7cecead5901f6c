package org.peerpulse.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.peerpulse.platform.messaging.EventCodec;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/** Runs the relay; it stays idle in a service that declares no outboxed collections. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

    @Bean
    Outbox outbox(EventCodec codec) {
        return new Outbox(codec);
    }

    @Bean
    OutboxMeters outboxMeters(MeterRegistry registry, OutboxProperties properties, Clock clock) {
        return new OutboxMeters(registry, properties.collections(), clock);
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties properties,
            OutboxMeters meters, Clock clock) {
        return new OutboxRelay(mongo, kafka, properties, meters, clock);
    }
}
