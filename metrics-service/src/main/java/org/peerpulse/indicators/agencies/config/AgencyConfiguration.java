package org.peerpulse.indicators.agencies.config;

import org.peerpulse.indicators.agencies.domain.Agencies;
import org.peerpulse.indicators.agencies.domain.AgencyCalendar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Each agency's settings and calendar, as every slice reads them. */
@Configuration(proxyBeanMethods = false)
public class AgencyConfiguration {

    @Bean
    Agencies agencies(IndicatorProperties properties) {
        return properties.agencySettings();
    }

    @Bean
    AgencyCalendar agencyCalendar(Agencies agencies) {
        return agencies.calendar();
    }
}
