package org.peerpulse.indicators.alerts.application;

import java.util.Objects;

import org.peerpulse.indicators.agencies.domain.Agencies;
import org.peerpulse.indicators.alerts.domain.WebhookSecrets;

/**
 * What a quality lead needs to set up their receiver: the webhook URL their agency set (if any) and the
 * agency's signing secret, {@code whsec_…}, to verify each request with. The secret exists whether or not a
 * URL is set, so a receiver can be ready before the URL is saved.
 */
public class ReadWebhook {

    private final Agencies agencies;
    private final WebhookSecrets secrets;

    public ReadWebhook(Agencies agencies, WebhookSecrets secrets) {
        this.agencies = agencies;
        this.secrets = secrets;
    }

    /** @param url {@code null} when the agency set none */
    public record Webhook(String url, String secret) {

        public Webhook {
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String toString() {
            return "Webhook[url=" + url + ", secret=hidden]";
        }
    }

    /** @param agencyId the caller's agency, from their token only */
    public Webhook read(String agencyId) {
        return new Webhook(agencies.of(agencyId).alertWebhookUrl(), secrets.of(agencyId).text());
    }
}
