/**
 * The counting use cases: {@code ApplyEvents} folds a consumed batch's signed changes into the day rollups
 * exactly once, {@code IngestBatch} puts the harm reports and the moves around it, {@code RebuildIndicators}
 * forgets what a replay counts again. Domain types and ports only, so they run the same against MongoDB or a
 * hand-written fake.
 */
package org.peerpulse.indicators.counting.application;
