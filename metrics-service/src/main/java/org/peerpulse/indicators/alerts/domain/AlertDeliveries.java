package org.peerpulse.indicators.alerts.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The alerts' webhook notifications waiting to be sent, across agencies: the outbox the dispatcher drains.
 * A notification is claimed with a lease before it is sent, so that two instances (or a poll and a nudge)
 * never send the same one at the same time; a claimant that dies leaves it to be claimed again once the
 * lease runs out.
 */
public interface AlertDeliveries {

    /**
     * Claims up to {@code max} alerts whose notification is pending and due at {@code now} and not leased to
     * anyone else, leasing each to {@code claimant} until {@code now + lease}; the earliest due first.
     */
    List<Alert> claimDue(Instant now, Duration lease, String claimant, int max);

    /**
     * Writes {@code next} as the alert's delivery and ends the lease, only while {@code claimant} still holds it.
     *
     * @return whether it was written; {@code false} when the lease ran out and someone else claimed it
     */
    boolean record(Alert alert, Delivery next, String claimant);
}
