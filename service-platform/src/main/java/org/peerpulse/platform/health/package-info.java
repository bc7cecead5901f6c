/**
 * Health that tells the truth on both the embedded store and real MongoDB and about the service's own
 * consumers: a bounded {@code ping}, which both stores answer, instead of the {@code hello} the embedded
 * store rejects, and the state of the Kafka listener containers, for which Boot has no indicator. Both
 * count towards readiness, never liveness: a database outage or a stopped consumer should take the
 * instance out of traffic, not restart it, and liveness depends on nothing outside the process.
 */
package org.peerpulse.platform.health;
