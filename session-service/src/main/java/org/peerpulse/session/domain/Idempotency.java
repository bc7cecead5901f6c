package org.peerpulse.session.domain;

/**
 * The retry key a session was logged under: a keyed hash of the client's {@code Idempotency-Key} (never
 * the key itself) and a fingerprint of the request, so that a retry with the same key can be told from a
 * different request that reuses it.
 */
public record Idempotency(String keyHash, String requestFingerprint) {
}
