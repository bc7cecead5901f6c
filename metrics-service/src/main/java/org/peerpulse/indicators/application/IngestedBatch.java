package org.peerpulse.indicators.application;

import java.util.Map;

import org.peerpulse.indicators.domain.AlertKind;

/**
 * What taking in one consumed batch did.
 *
 * @param applied what it changed in the rollups
 * @param alertsOpened alerts newly opened, by kind; a harm report read again opens none
 */
public record IngestedBatch(AppliedBatch applied, Map<AlertKind, Integer> alertsOpened) {

    public IngestedBatch {
        alertsOpened = Map.copyOf(alertsOpened);
    }
}
