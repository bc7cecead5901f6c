/**
 * How contract events travel: JSON written by one codec with no class names, CloudEvents attributes as
 * Kafka headers, the agency as record key, the topics declared once, and dead letters that carry
 * metadata only. Transient failures are retried with backoff and never skipped; only records that can
 * never be read go to {@code <topic>-dlt}.
 */
package org.peerpulse.platform.messaging;
