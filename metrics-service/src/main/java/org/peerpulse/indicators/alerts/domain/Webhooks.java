package org.peerpulse.indicators.alerts.domain;

import java.net.URI;

/** Where notices go out: one signed request to an agency's webhook, and what it answered. */
public interface Webhooks {

    /**
     * Sends {@code notice} to {@code url} as a Standard Webhooks request signed with {@code secret}, its
     * {@code webhook-id} being the alert's id (the same on every try, so a receiver drops copies).
     *
     * @return the answer; {@link DeliveryPolicy.Answer#none()} when none came in time
     */
    DeliveryPolicy.Answer send(URI url, AlertNotice notice, WebhookSecret secret);
}
