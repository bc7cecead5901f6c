package org.peerpulse.indicators.counting.config;

import org.peerpulse.indicators.counting.application.RebuildIndicators;
import org.peerpulse.indicators.counting.persistence.MongoReplayableState;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rebuild's erase step on MongoDB. It is only called in rebuild mode, by the messaging package's
 * replay (which also decides when the mode is on, next to the Kafka seek it belongs with).
 */
@Configuration(proxyBeanMethods = false)
public class RebuildConfiguration {

    @Bean
    RebuildIndicators rebuildIndicators(TenantCollections tenants) {
        return new RebuildIndicators(new MongoReplayableState(tenants));
    }
}
