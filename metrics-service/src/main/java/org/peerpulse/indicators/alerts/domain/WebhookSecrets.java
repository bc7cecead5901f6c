package org.peerpulse.indicators.alerts.domain;

import java.nio.charset.StandardCharsets;

/** Every agency's webhook secret, derived from the one deployment key (see {@link WebhookSecret}). */
public final class WebhookSecrets {

    private final byte[] deploymentKey;

    public WebhookSecrets(String deploymentKey) {
        if (deploymentKey == null || deploymentKey.length() < 32) {
            throw new IllegalArgumentException("the webhook deployment key has at least 32 characters");
        }
        this.deploymentKey = deploymentKey.getBytes(StandardCharsets.UTF_8);
    }

    public WebhookSecret of(String agencyId) {
        return WebhookSecret.derive(deploymentKey, agencyId);
    }

    @Override
    public String toString() {
        return "WebhookSecrets[hidden]";
    }
}
