/**
 * The use cases of metrics-service, one class each: {@code ApplyEvents} records a consumed batch's facts
 * and folds what they decide into the day rollups exactly once, and {@code ReadDashboard} answers a
 * quality lead's dashboard from the rollups of their own agency. They speak domain types and the
 * {@code Facts} and {@code Rollups} ports only, so they run the same against MongoDB or a hand-written
 * fake.
 */
package org.peerpulse.indicators.application;
