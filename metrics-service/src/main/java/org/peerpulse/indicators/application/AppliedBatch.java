package org.peerpulse.indicators.application;

/**
 * What applying a batch did.
 *
 * @param eventsCounted events newly counted (a redelivered event is not)
 * @param rollupsWritten rollup documents written, at most one per rollup and batch
 * @param retries rollups that had to be recomputed because another writer moved their watermark first
 */
public record AppliedBatch(int eventsCounted, int rollupsWritten, int retries) {
}
