/**
 * The use cases of metrics-service, one class each: {@code ApplyEvents} folds a consumed batch into the
 * day rollups exactly once, and {@code ReadDashboard} answers a quality lead's dashboard from the rollups
 * of their own agency. They speak domain types and the {@code Rollups} port only, so they run the same
 * against MongoDB or a hand-written fake.
 */
package org.peerpulse.indicators.application;
