/**
 * The Kafka edge of metrics-service: batch listeners on {@code peerpulse.sessions.v1} and
 * {@code peerpulse.feedback.v1} that read each record with the platform's contract reader, reduce it to
 * the facts the indicators count (logged sessions, voids, feedback), hand the whole batch to
 * {@code IngestBatch} in one call (its alerts and its counts), and only then dead-letter the records that
 * can never be read. A database outage throws, so the platform's error handler retries the batch with
 * backoff; the facts, watermarks and alert ids make that repeat harmless. In rebuild mode,
 * {@code ReplayFromTheBeginning} erases the derived state before the listeners start and seeks every
 * partition to its first record.
 */
package org.peerpulse.indicators.messaging;
