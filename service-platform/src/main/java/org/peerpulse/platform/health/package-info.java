/**
 * Health that tells the truth on both the embedded store and real MongoDB: a {@code ping}, which both
 * answer, instead of the {@code hello} the embedded store rejects. It counts towards readiness, never
 * liveness: a database outage should stop traffic, not restart the service.
 */
package org.peerpulse.platform.health;
