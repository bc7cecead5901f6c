/**
 * What an ops engineer sees of a request besides meters: traces across HTTP, the outbox and Kafka, and JSON
 * log lines that name the trace, the span and the caller's agency. Lives in the platform so every service
 * traces and logs alike, and so the privacy rules for spans (no token, URL, payload or exception message
 * leaves the process) are written once, next to the exporter they guard.
 */
package org.peerpulse.platform.observability;
