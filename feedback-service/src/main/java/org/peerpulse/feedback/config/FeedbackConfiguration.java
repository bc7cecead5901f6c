package org.peerpulse.feedback.config;

import java.time.Clock;
import org.peerpulse.feedback.application.LearnInvitation;
import org.peerpulse.feedback.application.ReadComments;
import org.peerpulse.feedback.application.ShowForm;
import org.peerpulse.feedback.application.SubmitFeedback;
import org.peerpulse.feedback.application.VoidInvitation;
import org.peerpulse.feedback.domain.Invitations;
import org.peerpulse.feedback.domain.QualityFrameworks;
import org.peerpulse.feedback.persistence.BuiltInFrameworks;
import org.peerpulse.feedback.persistence.MongoInvitations;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ports and use cases of feedback-service; the clock is the platform's unless a test brings one. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FeedbackProperties.class)
class FeedbackConfiguration {

    @Bean
    MongoInvitations invitations(TenantCollections tenants, EventCodec codec) {
        return new MongoInvitations(tenants, codec);
    }

    @Bean
    QualityFrameworks qualityFrameworks() {
        return new BuiltInFrameworks();
    }

    @Bean
    LearnInvitation learnInvitation(Invitations invitations) {
        return new LearnInvitation(invitations);
    }

    @Bean
    VoidInvitation voidInvitation(Invitations invitations) {
        return new VoidInvitation(invitations);
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
    ReadComments readComments(Invitations invitations) {
        return new ReadComments(invitations);
    }
}
