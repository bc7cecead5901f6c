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
            case WEEK -> day.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                    + twoDigits(day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> day.getYear() + "-" + twoDigits(day.getMonthValue());
        };
    }

    // Not String.format: a dashboard asks for a key per day of its range, and formatting was a tenth of its time.
    private static String twoDigits(int number) {
        return number < 10 ? "0" + number : Integer.toString(number);
    }
}
