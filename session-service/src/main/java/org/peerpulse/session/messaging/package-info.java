/**
 * How session-service's facts reach Kafka: each event becomes an outbox entry on the sessions topic,
 * stored with the session and published by the platform's relay. session-service consumes nothing.
 */
package org.peerpulse.session.messaging;
