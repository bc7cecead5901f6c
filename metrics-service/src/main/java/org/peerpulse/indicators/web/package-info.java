/**
 * The dashboard API and the funders' CSV export for quality leads: request parameters in, one use-case
 * call, a response record (or CSV text) out, always for the agency of the caller's token. Suppressed
 * statistics go out as {@code null} with {@code "suppressed": true} (the response count as {@code null}
 * with {@code "responsesSuppressed": true}), and as "fewer than k" in the CSV; what is hidden is decided
 * for the whole agency so no dashboard can be subtracted from another. Every error is a problem response
 * that names the parameter, not its value.
 */
package org.peerpulse.indicators.web;
