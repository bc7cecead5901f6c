package org.peerpulse.indicators.alerts.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The alerts, as a collection. Every write is one atomic single-document operation, so concurrent
 * consumers and requests need no lock and no transaction.
 */
public interface Alerts {

    /**
     * Stores a new alert unless it would repeat one: an alert with the same id exists (a harm report read
     * again), or, for an index alert, an open or acknowledged one of the same kind and scope exists.
     *
     * @return whether this call opened it
     */
    boolean open(Alert alert);

    /** The alert with this id in this agency; another agency's alert is not there. */
    Optional<Alert> find(String agencyId, UUID id);

    /**
     * Writes {@code changed}'s state and appends its last change, only if the stored alert is still in
     * {@code expected} state, in one atomic write.
     *
     * @return the alert as stored after the write, or empty when its state was no longer {@code expected}
     */
    Optional<Alert> change(Alert changed, AlertState expected);

    /**
     * An agency's alerts, newest first, only those in {@code state} unless it is {@code null}: at most
     * {@code limit} of them after skipping the {@code skip} newest.
     */
    List<Alert> list(String agencyId, AlertState state, int skip, int limit);
}
