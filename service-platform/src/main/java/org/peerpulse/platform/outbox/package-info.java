/**
 * The transactional outbox without transactions: a service stores a state change and the events it
 * causes in one document write ({@code outbox} entries plus an {@code outboxPending} flag), and the relay
 * publishes them to Kafka, many documents per round trip, and then removes them in one bulk write. One
 * instance publishes a collection at a time, under a lease. A crash between the broker's acknowledgement and
 * the removal publishes an event twice, never zero times; consumers recognise the copy by event id. An entry
 * the broker refuses for good is parked in its document ({@code outboxParked}) for an operator, never dropped.
 */
package org.peerpulse.platform.outbox;
