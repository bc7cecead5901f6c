package org.peerpulse.platform.config;

import java.time.Clock;
import org.peerpulse.platform.agencies.AgenciesConfiguration;
import org.peerpulse.platform.audit.AuditConfiguration;
import org.peerpulse.platform.health.HealthConfiguration;
import org.peerpulse.platform.messaging.MessagingConfiguration;
import org.peerpulse.platform.outbox.OutboxConfiguration;
import org.peerpulse.platform.security.SecurityConfiguration;
import org.peerpulse.platform.tenancy.TenancyConfiguration;
import org.peerpulse.platform.web.WebConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Everything a PeerPulse service shares, switched on by depending on {@code service-platform}. */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"
        })
@Import({
    SecurityConfiguration.class,
    WebConfiguration.class,
    MessagingConfiguration.class,
    OutboxConfiguration.class,
    HealthConfiguration.class,
    AuditConfiguration.class,
    TenancyConfiguration.class,
    AgenciesConfiguration.class
})
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
