package org.peerpulse.indicators.alerts.application;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

import org.peerpulse.indicators.agencies.domain.Agencies;
import org.peerpulse.indicators.alerts.domain.Alert;
import org.peerpulse.indicators.alerts.domain.AlertDeliveries;
import org.peerpulse.indicators.alerts.domain.AlertNotice;
import org.peerpulse.indicators.alerts.domain.Delivery;
import org.peerpulse.indicators.alerts.domain.DeliveryPolicy;
import org.peerpulse.indicators.alerts.domain.WebhookSecrets;
import org.peerpulse.indicators.alerts.domain.Webhooks;

/**
 * Sends the alerts' notifications that are due: claims a few with a lease, sends each to its agency's webhook
 * as the agency's settings name it now (an agency that removed its URL meanwhile gets nothing, and the alert
 * says so), decides what comes next by the {@link DeliveryPolicy}, and writes it while the lease holds. One
 * call sends at most {@code batch}; the caller calls again while a round was full.
 */
public class NotifyAlerts {

    private final AlertDeliveries deliveries;
    private final Agencies agencies;
    private final Webhooks webhooks;
    private final WebhookSecrets secrets;
    private final DeliveryPolicy policy;
    private final URI inbox;
    private final Clock clock;
    private final Duration lease;
    private final String claimant;
    private final int batch;
    private final DoubleSupplier jitter;

    /**
     * @param inbox the alert inbox page each notice links to
     * @param lease how long a claim holds: longer than a request can take
     * @param claimant this instance, in the leases it takes
     * @param jitter random numbers in [0, 1) for the backoff
     */
    public NotifyAlerts(AlertDeliveries deliveries, Agencies agencies, Webhooks webhooks, WebhookSecrets secrets,
            DeliveryPolicy policy, URI inbox, Clock clock, Duration lease, String claimant, int batch,
            DoubleSupplier jitter) {
        this.deliveries = deliveries;
        this.agencies = agencies;
        this.webhooks = webhooks;
        this.secrets = secrets;
        this.policy = policy;
        this.inbox = inbox;
        this.clock = clock;
        this.lease = lease;
        this.claimant = claimant;
        this.batch = batch;
        this.jitter = jitter;
    }

    /** One notification's outcome: the alert as claimed and its delivery now. */
    public record Sent(Alert alert, Delivery delivery, boolean recorded) {
    }

    /** @param full whether the round claimed as many as it could, so more may be due */
    public record Round(List<Sent> sent, boolean full) {
    }

    public Round sendDue() {
        List<Alert> claimed = deliveries.claimDue(now(), lease, claimant, batch);
        List<Sent> sent = new ArrayList<>(claimed.size());
        for (Alert alert : claimed) {
            String url = agencies.of(alert.agencyId()).alertWebhookUrl();
            Delivery next;
            if (url == null) {
                next = Delivery.notConfigured();
            } else {
                DeliveryPolicy.Answer answer = webhooks.send(URI.create(url), AlertNotice.opened(alert, inbox),
                        secrets.of(alert.agencyId()));
                next = policy.after(alert.delivery(), alert.openedAt(), answer, now(), jitter.getAsDouble());
            }
            sent.add(new Sent(alert, next, deliveries.record(alert, next, claimant)));
        }
        return new Round(sent, claimed.size() == batch);
    }

    /** Milliseconds: what the store keeps. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
