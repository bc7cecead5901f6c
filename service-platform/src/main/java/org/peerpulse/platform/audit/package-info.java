/**
 * The audit trail: who did what, when, in which agency and with what outcome, for the actions a quality lead
 * must be able to account for (dashboard views, exports, voids, alert changes, reads of comments) and for
 * every refused request. Handlers opt in with {@link org.peerpulse.platform.audit.Audited}; one interceptor
 * writes one insert-only record per request after the answer is known, into the {@code audit} collection of
 * the service's own database, and every service answers {@code GET /api/v1/audit} to its agency's quality
 * leads. A record names path ids and a short allow-list of query parameters, never a body, a token or a
 * comment. A failed authentication has no verified agency, and an unsigned claim would let anyone write into
 * any agency's trail: it is filed under an agency only when the issuer's signature held and only the time,
 * audience or issuer checks failed (an expired token of that agency is worth its lead's attention); otherwise
 * {@code agencyId} stays null and the claim is kept apart as {@code claimedAgency}, marked unverified, for
 * operators. A failed insert cannot undo an answer already sent: it is logged at ERROR with metadata only
 * and counted ({@code peerpulse.audit.failures}), so a gap in the trail is always visible.
 */
package org.peerpulse.platform.audit;
