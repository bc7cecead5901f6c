package org.peerpulse.feedback.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.peerpulse.feedback.application.FollowSessions;
import org.peerpulse.feedback.application.ReadComments;
import org.peerpulse.feedback.application.ReadFormSettings;
import org.peerpulse.feedback.application.ReadHarmReport;
import org.peerpulse.feedback.application.ShowForm;
import org.peerpulse.feedback.application.SubmitFeedback;
import org.peerpulse.feedback.domain.Agencies;
import org.peerpulse.feedback.domain.AgencyTimeZones;
import org.peerpulse.feedback.domain.Invitations;
import org.peerpulse.feedback.domain.QualityFrameworks;
import org.peerpulse.feedback.persistence.BuiltInFrameworks;
import org.peerpulse.feedback.persistence.InvitationExpiries;
import org.peerpulse.feedback.persistence.MongoInvitations;
import org.peerpulse.feedback.persistence.MongoRotationCursors;
import org.peerpulse.platform.agencies.AgencyDirectory;
import org.peerpulse.platform.outbox.Outbox;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The ports and use cases of feedback-service; the clock is the platform's unless a test brings one. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(FeedbackProperties.class)
class FeedbackConfiguration {

    @Bean
    FeedbackMeters feedbackMeters(MeterRegistry registry) {
        return new FeedbackMeters(registry);
    }

    /** Counted where the store took the answers; the store's indexes are made here, as it is no bean itself. */
    @Bean
    Invitations invitations(TenantCollections tenants, Outbox outbox, FeedbackMeters meters) {
        MongoInvitations invitations = new MongoInvitations(tenants, outbox);
        invitations.afterPropertiesSet();
        return new CountedInvitations(invitations, meters);
    }

    @Bean
    InvitationExpirySweep invitationExpirySweep(TenantCollections tenants, FeedbackMeters meters, Clock clock) {
        InvitationExpiries expiries = new InvitationExpiries(tenants);
        expiries.createIndex();
        return new InvitationExpirySweep(expiries, meters, clock);
    }

    @Bean
    QualityFrameworks qualityFrameworks() {
        return new BuiltInFrameworks();
    }

    @Bean
    FollowSessions followSessions(Invitations invitations, QualityFrameworks frameworks, Agencies agencies,
            TenantCollections tenants, Clock clock) {
        return new FollowSessions(invitations, frameworks, agencies, new MongoRotationCursors(tenants), clock);
    }

    @Bean
    SubmitFeedback submitFeedback(Invitations invitations, QualityFrameworks frameworks,
            FeedbackProperties properties, Clock clock) {
        return new SubmitFeedback(invitations, frameworks, properties.arrivalWindow(), clock);
    }

    @Bean
    ShowForm showForm(Invitations invitations, QualityFrameworks frameworks, FeedbackProperties properties,
            Clock clock) {
        return new ShowForm(invitations, frameworks, properties.arrivalWindow(), clock);
    }

    @Bean
    Agencies agencies(AgencyDirectory directory) {
        return new DirectoryAgencies(directory);
    }

    @Bean
    ReadFormSettings readFormSettings(Invitations invitations, Agencies agencies) {
        return new ReadFormSettings(invitations, agencies);
    }

    @Bean
    ReadComments readComments(Invitations invitations, AgencyTimeZones zones, Clock clock) {
        return new ReadComments(invitations, zones, clock);
    }

    @Bean
    AgencyTimeZones agencyTimeZones(AgencyDirectory directory) {
        return new DirectoryTimeZones(directory);
    }

    @Bean
    ReadHarmReport readHarmReport(Invitations invitations, AgencyTimeZones zones) {
        return new ReadHarmReport(invitations, zones);
    }
}
