package org.peerpulse.indicators.alerts.config;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The alerts' settings that are the deployment's, not an agency's (the webhook URL is the agency's own).
 *
 * @param webhookKey the deployment key every agency's webhook secret is derived from (at least 32 characters);
 *     the default is the local demo stack's and guards nothing real
 * @param feedbackUrl feedback-service's base URL, where a harm alert links to the participant's own words
 * @param inboxUrl the alert inbox page each webhook notice links to
 * @param webhook how notices are sent and retried
 */
@ConfigurationProperties("peerpulse.alerts")
public record AlertProperties(String webhookKey, URI feedbackUrl, URI inboxUrl, Webhook webhook) {

    /** LOCAL DEMO KEY of the local stack; every real deployment sets PEERPULSE_WEBHOOK_KEY. */
    static final String LOCAL_DEMO_KEY = "local-demo-webhook-key-not-for-production";

    public AlertProperties {
        webhookKey = webhookKey == null || webhookKey.isBlank() ? LOCAL_DEMO_KEY : webhookKey;
        if (webhookKey.length() < 32) {
            throw new IllegalArgumentException("peerpulse.alerts.webhook-key must be at least 32 characters");
        }
        feedbackUrl = feedbackUrl == null ? URI.create("http://127.0.0.1:8082/") : feedbackUrl;
        inboxUrl = inboxUrl == null ? URI.create("http://127.0.0.1:8083/alerts") : inboxUrl;
        webhook = webhook == null ? new Webhook(null, null, null, null, null, null, null, null, null, false) : webhook;
    }

    /**
     * @param connectTimeout to connect to the receiver (2 s)
     * @param timeout for the whole answer (5 s)
     * @param firstRetry the backoff after the first failure, doubled after each (5 s)
     * @param maxRetry the longest backoff (10 min)
     * @param giveUpAfter no retry later than this after the alert opened (24 h)
     * @param clientErrorAttempts tries in all when the receiver answers a 4xx other than 408 and 429 (3)
     * @param pollInterval how often every instance looks for due notices, besides the nudge on opening (5 s)
     * @param lease how long a claimed notice is held before another instance may take it (30 s)
     * @param batch notices claimed at a time (20)
     * @param privateAddresses whether a receiver may be inside the network (loopback, private, link-local):
     *     only the local stack and tests, whose receivers run on 127.0.0.1; anywhere else a quality lead could
     *     otherwise aim the service's requests at internal hosts
     */
    public record Webhook(Duration connectTimeout, Duration timeout, Duration firstRetry, Duration maxRetry,
            Duration giveUpAfter, Integer clientErrorAttempts, Duration pollInterval, Duration lease, Integer batch,
            boolean privateAddresses) {

        public Webhook {
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
            timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
            firstRetry = firstRetry == null ? Duration.ofSeconds(5) : firstRetry;
            maxRetry = maxRetry == null ? Duration.ofMinutes(10) : maxRetry;
            giveUpAfter = giveUpAfter == null ? Duration.ofHours(24) : giveUpAfter;
            clientErrorAttempts = clientErrorAttempts == null ? 3 : clientErrorAttempts;
            pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
            lease = lease == null ? Duration.ofSeconds(30) : lease;
            batch = batch == null ? 20 : batch;
            if (lease.compareTo(connectTimeout.plus(timeout)) <= 0) {
                throw new IllegalArgumentException("a webhook lease outlasts a request (connect timeout + timeout)");
            }
        }
    }

    @Override
    public String toString() {
        return "AlertProperties[webhookKey=hidden, feedbackUrl=" + feedbackUrl + ", inboxUrl=" + inboxUrl
                + ", webhook=" + webhook + "]";
    }
}
