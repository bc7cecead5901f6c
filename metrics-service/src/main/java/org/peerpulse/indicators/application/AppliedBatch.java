package org.peerpulse.indicators.application;

/**
 * What applying a batch did.
 *
 * @param eventsCounted events whose change was newly written (not a redelivered event, a copy at a new
 *     offset, or feedback for a voided session)
 * @param rollupsWritten rollup documents written, at most one per rollup and batch
 * @param retries rollups that had to be recomputed because another writer moved their watermark first
 */
public record AppliedBatch(int eventsCounted, int rollupsWritten, int retries) {
}
