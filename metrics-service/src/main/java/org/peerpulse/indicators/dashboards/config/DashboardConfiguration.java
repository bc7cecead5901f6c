package org.peerpulse.indicators.dashboards.config;

import java.time.Clock;

import org.peerpulse.indicators.agencies.domain.Agencies;
import org.peerpulse.indicators.agencies.domain.AgencyCalendar;
import org.peerpulse.indicators.counting.persistence.MongoRollups;
import org.peerpulse.indicators.dashboards.application.ReadDashboard;
import org.peerpulse.indicators.dashboards.persistence.RollupsInMemory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dashboards read the rollups counting writes, through their in-memory copy. */
@Configuration(proxyBeanMethods = false)
public class DashboardConfiguration {

    @Bean
    RollupsInMemory rollupsInMemory(MongoRollups rollups) {
        return new RollupsInMemory(rollups);
    }

    @Bean
    ReadDashboard readDashboard(RollupsInMemory rollups, Agencies agencies, AgencyCalendar calendar, Clock clock) {
        return new ReadDashboard(rollups, agencies, calendar, clock);
    }
}
