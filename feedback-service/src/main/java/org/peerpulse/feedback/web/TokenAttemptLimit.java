package org.peerpulse.feedback.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param tokenAttemptsPerMinute how many feedback submissions (API or form) one client address may make
 *     per minute; a participant needs one or two, so more looks like someone trying tokens
 */
@ConfigurationProperties("peerpulse.feedback")
public record TokenAttemptLimit(Integer tokenAttemptsPerMinute) {

    public TokenAttemptLimit {
        tokenAttemptsPerMinute = tokenAttemptsPerMinute == null ? 20 : tokenAttemptsPerMinute;
        if (tokenAttemptsPerMinute < 1) {
            throw new IllegalArgumentException("peerpulse.feedback.token-attempts-per-minute must be at least 1");
        }
    }
}
