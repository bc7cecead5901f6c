/**
 * What a logged session is and the rules it keeps: a session belongs to one agency, happened in the past,
 * lasted 1–480 minutes and names values of its framework; logging it issues a one-time invitation whose
 * raw token leaves only in the answer to the specialist, and a participant pseudonym that cannot be turned
 * back into the agency's reference. A retried request under the same {@code Idempotency-Key} is recognised
 * by a keyed hash of the key and a fingerprint of the request, and its token is derived again rather than
 * stored. A session is voided once, by a quality lead or whoever logged it; the reason stays here. Plain
 * Java: no Spring, Kafka or MongoDB.
 */
package org.peerpulse.session.domain;
