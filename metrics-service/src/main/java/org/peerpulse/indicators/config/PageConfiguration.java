package org.peerpulse.indicators.config;

import java.time.Clock;

import org.peerpulse.indicators.application.ReadDashboard;
import org.peerpulse.indicators.application.ReadDashboardPage;
import org.peerpulse.indicators.domain.Agencies;
import org.peerpulse.indicators.domain.AgencyCalendar;
import org.peerpulse.indicators.persistence.MongoRosters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The quality leads' page: its drill-down roster on the rollups, and the use case that reads a page. */
@Configuration(proxyBeanMethods = false)
public class PageConfiguration {

    @Bean
    MongoRosters rosters(MongoTemplate mongo) {
        return new MongoRosters(mongo);
    }

    @Bean
    ReadDashboardPage readDashboardPage(ReadDashboard readDashboard, MongoRosters rosters, Agencies agencies,
            AgencyCalendar calendar, Clock clock) {
        return new ReadDashboardPage(readDashboard, rosters, agencies, calendar, clock);
    }
}
