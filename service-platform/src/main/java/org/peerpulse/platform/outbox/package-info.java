/**
 * The transactional outbox without transactions: a service stores a state change and the events it
 * causes in one document write ({@code outbox} entries plus an {@code outboxPending} flag), and the relay
 * publishes them to Kafka and then removes them. A crash between the two publishes an event twice, never
 * zero times; consumers are idempotent by event id.
 */
package org.peerpulse.platform.outbox;
