package org.peerpulse.indicators.counting.config;

import org.peerpulse.indicators.agencies.domain.AgencyCalendar;
import org.peerpulse.indicators.counting.application.ApplyEvents;
import org.peerpulse.indicators.counting.application.IngestBatch;
import org.peerpulse.indicators.counting.domain.CountsMoved;
import org.peerpulse.indicators.counting.domain.HarmReports;
import org.peerpulse.indicators.counting.persistence.MongoCopyWindows;
import org.peerpulse.indicators.counting.persistence.MongoRollups;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Counting on the MongoDB rollups and copy windows; what it tells the other slices comes in through ports. */
@Configuration(proxyBeanMethods = false)
public class CountingConfiguration {

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
}
