package org.peerpulse.indicators.counting.domain;

import java.time.LocalDate;

/** A stored rollup with its cell: what a whole-agency read returns, so any scope can be summed from it. */
public record CellRollup(Cell cell, LocalDate day, DayCounts counts) {
}
