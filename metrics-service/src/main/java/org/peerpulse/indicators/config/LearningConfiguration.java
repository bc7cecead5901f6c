package org.peerpulse.indicators.config;

import java.time.Clock;

import org.peerpulse.indicators.application.ReadDashboard;
import org.peerpulse.indicators.application.ReadLearningView;
import org.peerpulse.indicators.domain.Agencies;
import org.peerpulse.indicators.domain.AgencyCalendar;
import org.peerpulse.indicators.persistence.MongoLearningReleases;
import org.peerpulse.indicators.persistence.RollupsInMemory;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The specialists' learning view: its releases collection and the use case reading it. */
@Configuration(proxyBeanMethods = false)
public class LearningConfiguration {

    @Bean
    MongoLearningReleases learningReleases(TenantCollections tenants) {
        MongoLearningReleases releases = new MongoLearningReleases(tenants);
        releases.createIndexes();
        return releases;
    }

    @Bean
    ReadLearningView readLearningView(ReadDashboard dashboards, RollupsInMemory rollups,
            MongoLearningReleases releases, Agencies agencies, AgencyCalendar calendar, Clock clock) {
        return new ReadLearningView(dashboards, rollups, releases, agencies, calendar, clock);
    }
}
