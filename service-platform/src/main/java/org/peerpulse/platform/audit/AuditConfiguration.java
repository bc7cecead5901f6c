package org.peerpulse.platform.audit;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The audit trail of a service: its store, the queue and writer between requests and the store, the
 * interceptor, the security filters' recorder and the read API.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
@Import(AuditController.class)
public class AuditConfiguration {

    @Bean
    MongoAuditTrail mongoAuditTrail(TenantCollections tenants) {
        MongoAuditTrail store = new MongoAuditTrail(tenants);
        store.createIndexes();
        return store;
    }

    @Bean
    AuditWriter auditWriter(MongoAuditTrail store, AuditProperties properties, MeterRegistry meters) {
        return new AuditWriter(store, properties, meters);
    }

    @Bean
    AuditTrail auditTrail(AuditWriter writer, Clock clock, Environment environment) {
        return new AuditTrail(writer, clock, environment.getProperty("spring.application.name", "peerpulse"));
    }

    @Bean
    AuditedRefusals auditedRefusals(AuditTrail trail) {
        return new AuditedRefusals(trail);
    }

    @Bean
    WebMvcConfigurer auditInterceptor(AuditTrail trail) {
        AuditInterceptor interceptor = new AuditInterceptor(trail);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(interceptor);
            }
        };
    }
}
