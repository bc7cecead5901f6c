package org.peerpulse.indicators.dashboards.domain;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;

/** How a trend is cut: by day ({@code 2026-11-20}), ISO week ({@code 2026-W47}) or month ({@code 2026-11}). */
public enum Granularity {
    DAY, WEEK, MONTH;

    public static Granularity parse(String value) {
        if (value == null || value.isBlank()) {
            return DAY;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidDashboardRequest("granularity", "granularity is one of day, week or month.");
        }
    }

    /** The key of the period a day falls in; ISO weeks belong to their week-based year. */
    public String periodOf(LocalDate day) {
        return switch (this) {
            case DAY -> day.toString();
            case WEEK -> String.format(Locale.ROOT, "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                    day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format(Locale.ROOT, "%d-%02d", day.getYear(), day.getMonthValue());
        };
    }
}
