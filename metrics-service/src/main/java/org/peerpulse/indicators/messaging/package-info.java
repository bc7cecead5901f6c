/**
 * The Kafka edge of metrics-service: batch listeners on {@code peerpulse.sessions.v1} and
 * {@code peerpulse.feedback.v1} that read each record with the platform's contract reader, reduce it to
 * the facts the indicators count (logged sessions, voids, feedback), hand the whole batch to
 * {@code ApplyEvents} in one call, and only then dead-letter the records that can never be read. A
 * database outage throws, so the platform's error handler retries the batch with backoff; the facts and
 * watermarks make that repeat harmless.
 */
package org.peerpulse.indicators.messaging;
