package org.peerpulse.indicators.web;

import java.util.Locale;

/**
 * How the page writes a number, and what it writes instead of one: a hidden statistic says "fewer than
 * k" (the agency's k), a rate with nothing to divide by says so, so that an empty cell is never read as zero.
 */
record PageFigures(int minCellSize) {

    static final String NOTHING_YET = "no answers yet";
    static final String NO_SESSIONS = "no sessions";

    String fewerThanK() {
        return "fewer than " + minCellSize;
    }

    /** A mean on the 1–5 scale. */
    String mean(Double mean, boolean suppressed) {
        return suppressed ? fewerThanK() : mean == null ? NOTHING_YET : String.format(Locale.ROOT, "%.1f", mean);
    }

    /** A 0–1 share as a whole percentage. */
    String percent(Double rate, boolean suppressed, String whenEmpty) {
        return suppressed ? fewerThanK() : rate == null ? whenEmpty : Math.round(rate * 100) + "%";
    }

    /**
     * A 0–100 index. {@code null} with answers means every item behind it is hidden, so it is as small a
     * cell as they are.
     */
    String index(Double index, long responses) {
        return index != null ? String.format(Locale.ROOT, "%.1f", index) : responses > 0 ? fewerThanK() : NOTHING_YET;
    }
}
