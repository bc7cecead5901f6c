package org.peerpulse.session.config;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.peerpulse.platform.outbox.Outbox;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.peerpulse.session.application.ChangeDirectory;
import org.peerpulse.session.application.ChangeSettings;
import org.peerpulse.session.application.GetSession;
import org.peerpulse.session.application.InvitationPolicy;
import org.peerpulse.session.application.ListSessions;
import org.peerpulse.session.application.LogSession;
import org.peerpulse.session.application.ReadDirectory;
import org.peerpulse.session.application.ReissueInvitations;
import org.peerpulse.session.application.VoidSession;
import org.peerpulse.session.domain.Directories;
import org.peerpulse.session.domain.IdempotencyKeys;
import org.peerpulse.session.domain.ParticipantPseudonyms;
import org.peerpulse.session.domain.Sessions;
import org.peerpulse.session.persistence.MongoDirectories;
import org.peerpulse.session.persistence.MongoSessions;
import org.peerpulse.session.web.FeedbackLinks;
import org.peerpulse.session.web.FeedbackQrCodes;
import org.peerpulse.session.web.RequestBodyLimit;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SessionProperties.class)
@EnableMethodSecurity
class SessionConfiguration {

    @Bean
    Sessions sessions(TenantCollections tenants, Outbox outbox, MeterRegistry registry) {
        return new CountedSessions(new MongoSessions(tenants, outbox), new SessionMeters(registry));
    }

    @Bean
    Directories directories(TenantCollections tenants, Outbox outbox) {
        return new MongoDirectories(tenants, outbox);
    }

    @Bean
    LogSession logSession(Sessions sessions, Directories directories, SessionProperties properties, Clock clock) {
        return new LogSession(sessions, directories,
                new ParticipantPseudonyms(properties.participantKey().getBytes(StandardCharsets.UTF_8)),
                new IdempotencyKeys(properties.invitationKey().getBytes(StandardCharsets.UTF_8)),
                invitationPolicy(properties), clock);
    }

    @Bean
    GetSession getSession(Sessions sessions) {
        return new GetSession(sessions);
    }

    @Bean
    ListSessions listSessions(Sessions sessions) {
        return new ListSessions(sessions);
    }

    @Bean
    VoidSession voidSession(Sessions sessions, Clock clock) {
        return new VoidSession(sessions, clock);
    }

    @Bean
    ReissueInvitations reissueInvitations(Sessions sessions, SessionProperties properties, Clock clock) {
        return new ReissueInvitations(sessions, invitationPolicy(properties), clock);
    }

    @Bean
    ReadDirectory readDirectory(Directories directories) {
        return new ReadDirectory(directories);
    }

    @Bean
    ChangeDirectory changeDirectory(Directories directories, Clock clock) {
        return new ChangeDirectory(directories, clock);
    }

    @Bean
    ChangeSettings changeSettings(Directories directories, SessionProperties properties, Clock clock) {
        return new ChangeSettings(directories, clock, properties.plainHttpWebhooks());
    }

    @Bean
    FeedbackLinks feedbackLinks(SessionProperties properties) {
        return new FeedbackLinks(properties.feedbackBaseUrl());
    }

    @Bean
    FeedbackQrCodes feedbackQrCodes() {
        return new FeedbackQrCodes();
    }

    private static InvitationPolicy invitationPolicy(SessionProperties properties) {
        return new InvitationPolicy(properties.invitationTtl(), properties.maxSessionAge());
    }

    /** First of all filters: an oversized body is refused before security or anything else reads it. */
    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(SessionProperties properties) {
        FilterRegistrationBean<RequestBodyLimit> registration =
                new FilterRegistrationBean<>(new RequestBodyLimit((int) properties.maxRequestBody().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
