package org.peerpulse.indicators.export.config;

import java.time.Clock;

import org.peerpulse.indicators.agencies.domain.Agencies;
import org.peerpulse.indicators.agencies.domain.AgencyCalendar;
import org.peerpulse.indicators.dashboards.persistence.RollupsInMemory;
import org.peerpulse.indicators.export.application.ExportIndicators;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The funders' export, from the same in-memory rollups as the dashboards. */
@Configuration(proxyBeanMethods = false)
public class ExportConfiguration {

    @Bean
    ExportIndicators exportIndicators(RollupsInMemory rollups, Agencies agencies, AgencyCalendar calendar,
            Clock clock) {
        return new ExportIndicators(rollups, agencies, calendar, clock);
    }
}
