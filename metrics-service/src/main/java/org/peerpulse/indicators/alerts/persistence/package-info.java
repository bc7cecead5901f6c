/**
 * Alerts in MongoDB: insert-if-absent by id, one open alert per index and scope (the {@code activeKey}
 * guard), guarded state changes, the notices' outbox inside each alert with its claim lease, and the
 * unacknowledged harm backlog for the meters.
 */
package org.peerpulse.indicators.alerts.persistence;
