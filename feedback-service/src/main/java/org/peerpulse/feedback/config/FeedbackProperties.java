package org.peerpulse.feedback.config;

import java.time.Duration;
import org.peerpulse.feedback.domain.ArrivalWindow;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param earlyAnswerWindow how long after a token was issued an unknown token is answered "one moment"
 *     (503) instead of "not found": the time its session event may reasonably take to arrive
 */
@ConfigurationProperties("peerpulse.feedback")
public record FeedbackProperties(Duration earlyAnswerWindow) {

    public FeedbackProperties {
        earlyAnswerWindow = earlyAnswerWindow == null ? ArrivalWindow.DEFAULT_WINDOW : earlyAnswerWindow;
    }

    ArrivalWindow arrivalWindow() {
        return new ArrivalWindow(earlyAnswerWindow, ArrivalWindow.DEFAULT_CLOCK_SKEW);
    }
}
