package org.peerpulse.platform.agencies;

import org.peerpulse.platform.messaging.EventCodec;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The directory every service reads agencies' settings from, and the follower that keeps it current. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AgenciesProperties.class)
public class AgenciesConfiguration {

    @Bean
    AgencyDirectory agencyDirectory() {
        return new AgencyDirectory();
    }

    /** Its health, under the name the readiness group includes. */
    @Bean
    AgencySettingsFollower agencySettings(KafkaProperties kafka, EventCodec codec, AgencyDirectory directory,
            AgenciesProperties properties) {
        return new AgencySettingsFollower(kafka.buildConsumerProperties(), codec, directory, properties.follow());
    }
}
