/**
 * The bare endpoint HTTP ingest is held against: a Boot application with the same shared platform as the
 * services (service-platform: the same JWT resource-server filter chain, problem handling, Tomcat and
 * Jackson settings) started with the same JVM flags, whose one handler parses and validates the same
 * session body and answers 201 without storing or publishing anything. The gap between it and
 * session-service is therefore the use case's own cost (store, idempotency, pseudonym, outbox, QR code),
 * not the web stack's.
 */
package org.peerpulse.bench.bare;
