package org.peerpulse.indicators.learning.config;

import java.time.Clock;

import org.peerpulse.indicators.agencies.domain.Agencies;
import org.peerpulse.indicators.agencies.domain.AgencyCalendar;
import org.peerpulse.indicators.dashboards.config.PageProperties;
import org.peerpulse.indicators.dashboards.application.ReadDashboard;
import org.peerpulse.indicators.dashboards.persistence.RollupsInMemory;
import org.peerpulse.indicators.learning.application.ReadLearningView;
import org.peerpulse.indicators.learning.persistence.MongoLearningReleases;
import org.peerpulse.indicators.learning.web.WorkspaceLink;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The specialists' learning view: its releases collection, the use case reading it, and its page's way back. */
@Configuration(proxyBeanMethods = false)
public class LearningConfiguration {

    @Bean
    MongoLearningReleases learningReleases(TenantCollections tenants) {
        MongoLearningReleases releases = new MongoLearningReleases(tenants);
        releases.createIndexes();
        return releases;
    }

    @Bean
    ReadLearningView readLearningView(ReadDashboard dashboards, RollupsInMemory rollups,
            MongoLearningReleases releases, Agencies agencies, AgencyCalendar calendar, Clock clock) {
        return new ReadLearningView(dashboards, rollups, releases, agencies, calendar, clock);
    }

    /** The learning page signs in like the dashboard ({@code peerpulse.page.*}) and links to the workspace. */
    @Bean
    WorkspaceLink workspaceLink(PageProperties page) {
        return new WorkspaceLink(page.workspaceUrl());
    }
}
