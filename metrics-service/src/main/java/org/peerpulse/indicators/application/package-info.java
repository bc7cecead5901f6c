/**
 * The use cases of metrics-service, one class each: {@code ApplyEvents} folds a consumed batch's signed
 * changes into the day rollups exactly once, {@code WatchIndexFloors} checks the index floors off that path,
 * and {@code ReadDashboard} answers a quality lead's dashboard from the rollups of their own agency. They
 * speak domain types and the {@code Rollups} and {@code CopyWindows} ports only, so they run the same
 * against MongoDB or a hand-written fake.
 */
package org.peerpulse.indicators.application;
