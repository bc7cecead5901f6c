package org.peerpulse.indicators.agencies.config;

import org.peerpulse.indicators.agencies.domain.Agencies;
import org.peerpulse.indicators.agencies.domain.AgencyCalendar;
import org.peerpulse.platform.agencies.AgencyDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Each agency's settings and calendar, as every slice reads them: from the platform's directory of the
 * agencies topic, so a quality lead's change takes effect without a restart (decision 0013).
 */
@Configuration(proxyBeanMethods = false)
public class AgencyConfiguration {

    @Bean
    Agencies agencies(AgencyDirectory directory) {
        return new DirectoryAgencies(directory);
    }

    @Bean
    AgencyCalendar agencyCalendar(Agencies agencies) {
        return new AgencyCalendar(agencies);
    }
}
