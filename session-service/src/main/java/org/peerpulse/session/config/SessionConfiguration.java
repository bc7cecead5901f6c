package org.peerpulse.session.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.peerpulse.session.application.GetSession;
import org.peerpulse.session.application.InvitationPolicy;
import org.peerpulse.session.application.ListSessions;
import org.peerpulse.session.application.LogSession;
import org.peerpulse.session.application.VoidSession;
import org.peerpulse.session.domain.IdempotencyKeys;
import org.peerpulse.session.domain.ParticipantPseudonyms;
import org.peerpulse.session.domain.Sessions;
import org.peerpulse.session.persistence.MongoSessions;
import org.peerpulse.session.web.FeedbackLinks;
import org.peerpulse.session.web.FeedbackQrCodes;
import org.peerpulse.session.web.RequestBodyLimit;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.peerpulse.platform.outbox.Outbox;
import org.peerpulse.platform.tenancy.TenantCollections;
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
    LogSession logSession(Sessions sessions, SessionProperties properties, Clock clock) {
        return new LogSession(sessions,
                new ParticipantPseudonyms(properties.participantKey().getBytes(StandardCharsets.UTF_8)),
                new IdempotencyKeys(properties.invitationKey().getBytes(StandardCharsets.UTF_8)),
                new InvitationPolicy(properties.invitationTtl(), properties.maxSessionAge()), clock);
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
    FeedbackLinks feedbackLinks(SessionProperties properties) {
        return new FeedbackLinks(properties.feedbackBaseUrl());
    }

    @Bean
    FeedbackQrCodes feedbackQrCodes() {
        return new FeedbackQrCodes();
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
