package org.peerpulse.feedback.config;

import java.time.Clock;
import org.peerpulse.feedback.application.LearnInvitation;
import org.peerpulse.feedback.application.SubmitFeedback;
import org.peerpulse.feedback.application.VoidInvitation;
import org.peerpulse.feedback.domain.Invitations;
import org.peerpulse.feedback.domain.QualityFrameworks;
import org.peerpulse.feedback.persistence.BuiltInFrameworks;
import org.peerpulse.feedback.persistence.MongoInvitations;
import org.peerpulse.platform.messaging.EventCodec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The ports and use cases of feedback-service; the clock is the platform's unless a test brings one. */
@Configuration(proxyBeanMethods = false)
class FeedbackConfiguration {

    @Bean
    MongoInvitations invitations(MongoTemplate mongo, EventCodec codec) {
        return new MongoInvitations(mongo, codec);
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
    SubmitFeedback submitFeedback(Invitations invitations, QualityFrameworks frameworks, Clock clock) {
        return new SubmitFeedback(invitations, frameworks, clock);
    }
}
