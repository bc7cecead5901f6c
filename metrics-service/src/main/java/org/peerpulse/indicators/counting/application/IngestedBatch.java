package org.peerpulse.indicators.counting.application;

/**
 * What taking in one consumed batch did.
 *
 * @param applied what it changed in the rollups
 * @param harmAlertsOpened harm alerts newly opened; a harm report read again opens none
 */
public record IngestedBatch(AppliedBatch applied, int harmAlertsOpened) {
}
