/**
 * The audit trail: who did what, when, in which agency and with what outcome, for the actions a quality lead
 * must be able to account for (dashboard views, exports, voids, alert changes, reads of comments) and for
 * every refused request. Handlers opt in with {@link org.peerpulse.platform.audit.Audited}; one interceptor
 * makes one insert-only record per request after the answer is known, for the {@code audit} collection of
 * the service's own database, and every service answers {@code GET /api/v1/audit} to its agency's quality
 * leads. The request only queues its record, so the trail costs it no round trip to the store: one writer
 * thread stores what is queued every {@code peerpulse.audit.flush-interval} (100 ms) in one bulk insert, and
 * the trail shows a request that much later. While the store is away the records stay queued and the writer
 * tries again; a full queue makes requests wait briefly and then write their own records; a clean stop writes
 * everything queued before the context closes. A record names path ids and a short allow-list of query
 * parameters, never a body, a token or a comment. A failed authentication has no verified agency, and an
 * unsigned claim would let anyone write into any agency's trail: it is filed under an agency only when the
 * issuer's signature held and only the time, audience or issuer checks failed (an expired token of that agency
 * is worth its lead's attention); otherwise {@code agencyId} stays null and the claim is kept apart as
 * {@code claimedAgency}, marked unverified, for operators. A failed write cannot undo an answer already sent.
 * A record is lost only when a request's own write fails or the store stays away through a stop's
 * {@code peerpulse.audit.stop-timeout}; then it is logged at ERROR with metadata only and counted
 * ({@code peerpulse.audit.failures}), so a gap in the trail is always visible.
 */
package org.peerpulse.platform.audit;
