package org.peerpulse.indicators.dashboards.web;

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
     * A 0–100 index. {@code null} with answers (or with a hidden count of them) means every item behind it
     * is hidden, so it is as small a cell as they are.
     */
    String index(Double index, Long responses, boolean responsesSuppressed) {
        if (index != null) {
            return String.format(Locale.ROOT, "%.1f", index);
        }
        return responsesSuppressed || (responses != null && responses > 0) ? fewerThanK() : NOTHING_YET;
    }

    /** How many answered, or "fewer than k" when even that is hidden. */
    String count(Long responses, boolean suppressed) {
        return suppressed || responses == null ? fewerThanK() : responses.toString();
    }

    /** A change from the period before, signed, or nothing when either side is hidden or empty. */
    String change(Double change, int decimals) {
        if (change == null) {
            return "";
        }
        String number = String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(change));
        return change > 0 ? "▲ " + number : change < 0 ? "▼ " + number : "± 0";
    }
}
