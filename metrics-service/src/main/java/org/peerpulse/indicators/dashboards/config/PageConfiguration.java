package org.peerpulse.indicators.dashboards.config;

import org.peerpulse.indicators.agencies.domain.Agencies;
import org.peerpulse.indicators.dashboards.application.ReadDashboard;
import org.peerpulse.indicators.dashboards.application.ReadDashboardPage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The quality leads' page: the use case that reads a page. */
@Configuration(proxyBeanMethods = false)
public class PageConfiguration {

    @Bean
    ReadDashboardPage readDashboardPage(ReadDashboard readDashboard, Agencies agencies) {
        return new ReadDashboardPage(readDashboard, agencies);
    }
}
