package org.peerpulse.platform.tenancy;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;

/** Hands services the one door to their store, so their configuration never needs the raw template. */
@Configuration(proxyBeanMethods = false)
public class TenancyConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TenantCollections tenantCollections(MongoOperations mongo) {
        return new TenantCollections(mongo);
    }
}
