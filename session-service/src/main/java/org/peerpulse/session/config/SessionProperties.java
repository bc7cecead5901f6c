package org.peerpulse.session.config;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param invitationTtl how long a feedback link works (default 7 days)
 * @param maxSessionAge how far back a session may be logged (default 90 days)
 * @param feedbackBaseUrl where participants reach feedback-service
 * @param participantKey the per-deployment secret for participant pseudonyms
 * @param invitationKey the per-deployment secret from which a retried request's invitation token and the
 *     hash of its {@code Idempotency-Key} are derived
 * @param maxRequestBody the largest request body accepted (default 64 KiB)
 * @param plainHttpWebhooks whether an agency may set an {@code http} alert webhook: only the local stack, whose
 *     receiver runs on the same machine (default: https only)
 */
@ConfigurationProperties("peerpulse.sessions")
record SessionProperties(Duration invitationTtl, Duration maxSessionAge, URI feedbackBaseUrl, String participantKey,
        String invitationKey, DataSize maxRequestBody, boolean plainHttpWebhooks) {

    SessionProperties {
        invitationTtl = invitationTtl == null ? Duration.ofDays(7) : invitationTtl;
        maxSessionAge = maxSessionAge == null ? Duration.ofDays(90) : maxSessionAge;
        feedbackBaseUrl = feedbackBaseUrl == null ? URI.create("http://127.0.0.1:8082") : feedbackBaseUrl;
        maxRequestBody = maxRequestBody == null ? DataSize.ofKilobytes(64) : maxRequestBody;
        if (participantKey == null || participantKey.length() < 32) {
            throw new IllegalArgumentException("peerpulse.sessions.participant-key must be at least 32 characters");
        }
        if (invitationKey == null || invitationKey.length() < 32) {
            throw new IllegalArgumentException("peerpulse.sessions.invitation-key must be at least 32 characters");
        }
    }

    @Override
    public String toString() {
        return "SessionProperties[invitationTtl=" + invitationTtl + ", maxSessionAge=" + maxSessionAge
                + ", feedbackBaseUrl=" + feedbackBaseUrl + ", maxRequestBody=" + maxRequestBody + ", plainHttpWebhooks="
                + plainHttpWebhooks + "]";
    }
}
