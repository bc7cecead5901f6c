package org.peerpulse.indicators.alerts.config;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.MeterRegistry;
import org.peerpulse.indicators.agencies.domain.Agencies;
import org.peerpulse.indicators.agencies.domain.AgencyCalendar;
import org.peerpulse.indicators.alerts.application.AcknowledgeAlert;
import org.peerpulse.indicators.alerts.application.ListAlerts;
import org.peerpulse.indicators.alerts.application.NotifyAlerts;
import org.peerpulse.indicators.alerts.application.OpenHarmAlerts;
import org.peerpulse.indicators.alerts.application.ReadWebhook;
import org.peerpulse.indicators.alerts.application.ResolveAlert;
import org.peerpulse.indicators.alerts.application.WatchFalls;
import org.peerpulse.indicators.alerts.application.WatchIndexFloors;
import org.peerpulse.indicators.alerts.domain.Alerts;
import org.peerpulse.indicators.alerts.domain.DeliveryPolicy;
import org.peerpulse.indicators.alerts.domain.WebhookSecrets;
import org.peerpulse.indicators.alerts.messaging.HttpWebhooks;
import org.peerpulse.indicators.alerts.persistence.HarmAlertBacklog;
import org.peerpulse.indicators.alerts.persistence.MongoAlertDeliveries;
import org.peerpulse.indicators.alerts.persistence.MongoAlerts;
import org.peerpulse.indicators.alerts.web.HarmReportPages;
import org.peerpulse.indicators.counting.domain.CountsMoved;
import org.peerpulse.indicators.dashboards.application.ReadDashboard;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.scheduling.annotation.EnableScheduling;
import tools.jackson.databind.json.JsonMapper;

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
    WebhookSecrets webhookSecrets(AlertProperties properties) {
        return new WebhookSecrets(properties.webhookKey());
    }

    @Bean
    WebhookDispatch webhookDispatch(AlertProperties properties, TenantCollections tenants, Agencies agencies,
            WebhookSecrets secrets, JsonMapper json, MeterRegistry registry, Clock clock) {
        AlertProperties.Webhook webhook = properties.webhook();
        MongoAlertDeliveries deliveries = new MongoAlertDeliveries(tenants);
        deliveries.createIndex();
        NotifyAlerts notify = new NotifyAlerts(deliveries, agencies,
                new HttpWebhooks(json, clock, webhook.connectTimeout(), webhook.timeout(),
                        webhook.privateAddresses()), secrets,
                new DeliveryPolicy(webhook.firstRetry(), webhook.maxRetry(), webhook.giveUpAfter(),
                        webhook.clientErrorAttempts()),
                properties.inboxUrl(), clock, webhook.lease(), "metrics-service-" + UUID.randomUUID(), webhook.batch(),
                () -> ThreadLocalRandom.current().nextDouble());
        return new WebhookDispatch(notify, registry, clock, webhook.pollInterval());
    }

    @Bean
    Alerts alerts(TenantCollections tenants, AlertMeters meters, WebhookDispatch dispatch) {
        MongoAlerts alerts = new MongoAlerts(tenants);
        alerts.createIndexes();
        return new CountedAlerts(alerts, meters, dispatch::nudge);
    }

    @Bean
    WatchIndexFloors watchIndexFloors(ReadDashboard readDashboard, Alerts alerts, Agencies agencies, Clock clock) {
        WatchIndexFloors floors = new WatchIndexFloors(readDashboard, alerts, agencies, clock);
        agencies.onChange(floors::settingsChanged);
        return floors;
    }

    @Bean
    WatchFalls watchFalls(ReadDashboard readDashboard, Alerts alerts, Agencies agencies, AgencyCalendar calendar,
            Clock clock) {
        WatchFalls falls = new WatchFalls(readDashboard, alerts, agencies, calendar, clock);
        agencies.onChange(falls::moved);
        return falls;
    }

    /** What counting moved goes to both watches: the floors by program, the falls by agency. */
    @Bean
    @Primary
    CountsMoved countsMoved(WatchIndexFloors floors, WatchFalls falls) {
        return (agencyId, programId) -> {
            floors.moved(agencyId, programId);
            falls.moved(agencyId);
        };
    }

    @Bean
    IndexFloorSchedule indexFloorSchedule(WatchIndexFloors floors, MeterRegistry registry) {
        return new IndexFloorSchedule(floors, registry);
    }

    @Bean
    FallSchedule fallSchedule(WatchFalls falls, MeterRegistry registry) {
        return new FallSchedule(falls, registry);
    }

    @Bean
    OpenHarmAlerts openHarmAlerts(Alerts alerts, Agencies agencies, Clock clock) {
        return new OpenHarmAlerts(alerts, agencies, clock);
    }

    @Bean
    ReadWebhook readWebhook(Agencies agencies, WebhookSecrets secrets) {
        return new ReadWebhook(agencies, secrets);
    }

    @Bean
    HarmReportPages harmReportPages(AlertProperties properties) {
        return new HarmReportPages(properties.feedbackUrl());
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
