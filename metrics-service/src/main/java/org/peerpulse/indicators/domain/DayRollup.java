package org.peerpulse.indicators.domain;

import java.time.LocalDate;

/** A stored rollup as a dashboard reads it: a day and its counts (the cell is already the scope's). */
public record DayRollup(LocalDate day, DayCounts counts) {
}
