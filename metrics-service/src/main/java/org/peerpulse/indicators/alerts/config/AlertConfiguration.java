package org.peerpulse.indicators.alerts.config;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.peerpulse.indicators.agencies.domain.Agencies;
import org.peerpulse.indicators.agencies.domain.AgencyCalendar;
import org.peerpulse.indicators.alerts.application.AcknowledgeAlert;
import org.peerpulse.indicators.alerts.application.ListAlerts;
import org.peerpulse.indicators.alerts.application.OpenHarmAlerts;
import org.peerpulse.indicators.alerts.application.ResolveAlert;
import org.peerpulse.indicators.alerts.application.WatchIndexFloors;
import org.peerpulse.indicators.alerts.domain.Alerts;
import org.peerpulse.indicators.alerts.persistence.HarmAlertBacklog;
import org.peerpulse.indicators.alerts.persistence.MongoAlerts;
import org.peerpulse.indicators.dashboards.application.ReadDashboard;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The alert use cases on the MongoDB alerts, and the batch use case the listener calls (counting plus
 * the alerts a batch raises). Kept apart from {@code IndicatorConfiguration} so that alerts can change
 * without touching the indicators' wiring.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class AlertConfiguration {

    @Bean
    AlertMeters alertMeters(MeterRegistry registry, TenantCollections tenants, Clock clock) {
        HarmAlertBacklog backlog = new HarmAlertBacklog(tenants);
        backlog.createIndex();
        return new AlertMeters(registry, backlog, clock);
    }

    @Bean
    Alerts alerts(TenantCollections tenants, AlertMeters meters) {
        MongoAlerts alerts = new MongoAlerts(tenants);
        alerts.createIndexes();
        return new CountedAlerts(alerts, meters);
    }

    @Bean
    WatchIndexFloors watchIndexFloors(ReadDashboard readDashboard, Alerts alerts, Agencies agencies, Clock clock) {
        WatchIndexFloors floors = new WatchIndexFloors(readDashboard, alerts, agencies, clock);
        agencies.onChange(floors::settingsChanged);
        return floors;
    }

    @Bean
    IndexFloorSchedule indexFloorSchedule(WatchIndexFloors floors, MeterRegistry registry) {
        return new IndexFloorSchedule(floors, registry);
    }

    @Bean
    OpenHarmAlerts openHarmAlerts(Alerts alerts, Clock clock) {
        return new OpenHarmAlerts(alerts, clock);
    }

    @Bean
    ListAlerts listAlerts(Alerts alerts) {
        return new ListAlerts(alerts);
    }

    @Bean
    AcknowledgeAlert acknowledgeAlert(Alerts alerts, Clock clock) {
        return new AcknowledgeAlert(alerts, clock);
    }

    @Bean
    ResolveAlert resolveAlert(Alerts alerts, Clock clock) {
        return new ResolveAlert(alerts, clock);
    }
}
