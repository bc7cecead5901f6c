package org.peerpulse.indicators.alerts.web;

import org.peerpulse.indicators.alerts.application.ReadWebhook;

/**
 * What a quality lead sets their receiver up with.
 *
 * @param url the agency's webhook URL, {@code null} when none is set (session-service's settings change it)
 * @param secret {@code whsec_…}, to verify {@code webhook-signature} with any Standard Webhooks library
 * @param signature how requests are signed, for a receiver written by hand
 */
record WebhookResponse(String url, String secret, String signature) {

    static final String SCHEME = "Standard Webhooks: webhook-signature = v1,base64(HMAC-SHA256(base64-decoded secret"
            + " after whsec_, webhook-id + \".\" + webhook-timestamp + \".\" + body)); webhook-id is the alert id";

    static WebhookResponse of(ReadWebhook.Webhook webhook) {
        return new WebhookResponse(webhook.url(), webhook.secret(), SCHEME);
    }

    @Override
    public String toString() {
        return "WebhookResponse[url=" + url + ", secret=hidden]";
    }
}
