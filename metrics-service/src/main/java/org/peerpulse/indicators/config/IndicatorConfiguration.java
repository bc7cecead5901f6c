package org.peerpulse.indicators.config;

import java.time.Clock;

import org.peerpulse.indicators.application.ApplyEvents;
import org.peerpulse.indicators.application.ExportIndicators;
import org.peerpulse.indicators.application.IngestBatch;
import org.peerpulse.indicators.application.ReadDashboard;
import org.peerpulse.indicators.domain.Agencies;
import org.peerpulse.indicators.domain.AgencyCalendar;
import org.peerpulse.indicators.domain.CountsMoved;
import org.peerpulse.indicators.domain.HarmReports;
import org.peerpulse.indicators.persistence.MongoCopyWindows;
import org.peerpulse.indicators.persistence.MongoRollups;
import org.peerpulse.indicators.persistence.RollupsInMemory;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The use cases on the MongoDB rollups and copy windows, with each agency's settings and calendar. */
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
    MongoCopyWindows copyWindows(TenantCollections tenants) {
        MongoCopyWindows windows = new MongoCopyWindows(tenants);
        windows.createIndexes();
        return windows;
    }

    @Bean
    ApplyEvents applyEvents(MongoRollups rollups, MongoCopyWindows copyWindows, AgencyCalendar calendar,
            CountingProperties counting) {
        return new ApplyEvents(rollups, copyWindows, calendar, counting.copyWindow());
    }

    @Bean
    IngestBatch ingestBatch(ApplyEvents applyEvents, HarmReports harmReports, CountsMoved countsMoved,
            AgencyCalendar calendar) {
        return new IngestBatch(applyEvents, harmReports, countsMoved, calendar);
    }

    @Bean
    RollupsInMemory rollupsInMemory(MongoRollups rollups) {
        return new RollupsInMemory(rollups);
    }

    @Bean
    ReadDashboard readDashboard(RollupsInMemory rollups, Agencies agencies, AgencyCalendar calendar, Clock clock) {
        return new ReadDashboard(rollups, agencies, calendar, clock);
    }

    @Bean
    ExportIndicators exportIndicators(RollupsInMemory rollups, Agencies agencies, AgencyCalendar calendar,
            Clock clock) {
        return new ExportIndicators(rollups, agencies, calendar, clock);
    }
}
