/**
 * The Kafka edge of counting: batch listeners on {@code peerpulse.sessions.v1} and {@code
 * peerpulse.feedback.v1} that read each record with the platform's contract reader, reduce it to what the
 * indicators count (a logged session, a void, an answer, a withdrawal), hand the whole batch to {@code
 * IngestBatch} in one call, and only then dead-letter the records that can never be read. A database outage
 * throws, so the platform's error handler retries the batch with backoff; watermarks, copy windows and alert
 * ids make that repeat harmless. In rebuild mode, {@code ReplayFromTheBeginning} erases the derived state
 * before the listeners start and seeks every partition to its first record.
 */
package org.peerpulse.indicators.counting.messaging;
