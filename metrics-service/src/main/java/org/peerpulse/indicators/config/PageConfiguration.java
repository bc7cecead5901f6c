package org.peerpulse.indicators.config;

import org.peerpulse.indicators.application.ReadDashboard;
import org.peerpulse.indicators.application.ReadDashboardPage;
import org.peerpulse.indicators.domain.Agencies;
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
