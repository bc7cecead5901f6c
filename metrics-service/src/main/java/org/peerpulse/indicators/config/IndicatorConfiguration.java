package org.peerpulse.indicators.config;

import java.time.Clock;

import org.peerpulse.indicators.application.ApplyEvents;
import org.peerpulse.indicators.application.ExportIndicators;
import org.peerpulse.indicators.application.ReadDashboard;
import org.peerpulse.indicators.domain.Agencies;
import org.peerpulse.indicators.domain.AgencyCalendar;
import org.peerpulse.indicators.persistence.MongoFacts;
import org.peerpulse.indicators.persistence.MongoRollups;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The use cases on the MongoDB facts and rollups, with each agency's settings and calendar. */
@Configuration(proxyBeanMethods = false)
public class IndicatorConfiguration {

    @Bean
    Agencies agencies(IndicatorProperties properties) {
        return properties.agencySettings();
    }

    @Bean
    AgencyCalendar agencyCalendar(Agencies agencies) {
        return agencies.calendar();
    }

    @Bean
    MongoRollups rollups(TenantCollections tenants) {
        MongoRollups rollups = new MongoRollups(tenants);
        rollups.createIndexes();
        return rollups;
    }

    @Bean
    MongoFacts facts(TenantCollections tenants) {
        return new MongoFacts(tenants);
    }

    @Bean
    ApplyEvents applyEvents(MongoFacts facts, MongoRollups rollups, AgencyCalendar calendar) {
        return new ApplyEvents(facts, rollups, calendar);
    }

    @Bean
    ReadDashboard readDashboard(MongoRollups rollups, Agencies agencies, AgencyCalendar calendar, Clock clock) {
        return new ReadDashboard(rollups, agencies, calendar, clock);
    }

    @Bean
    ExportIndicators exportIndicators(MongoRollups rollups, Agencies agencies, AgencyCalendar calendar, Clock clock) {
        return new ExportIndicators(rollups, agencies, calendar, clock);
    }
}
