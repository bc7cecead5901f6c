package org.peerpulse.indicators.dashboards.domain;

/**
 * One period of a trend: its key ({@code 2026-11-20}, {@code 2026-W47}, {@code 2026-11}), its headline
 * numbers, hidden like the dashboard's, and their change from the period before. The first point's change
 * is from the whole calendar period just before the range. A change is the difference of the exact values,
 * rounded once, so it can differ in the last decimal from the difference of the two rounded numbers; it is
 * {@code null} when either side is.
 *
 * @param responses {@code null} when {@code responsesSuppressed}
 * @param hopeMean mean of the hope item, two decimals
 */
public record PeriodPoint(String period, long sessions, Long responses, boolean responsesSuppressed,
        Double valuesIndex, Double trustIndex, Double hopeMean, Double valuesIndexChange, Double trustIndexChange,
        Double hopeMeanChange) {
}
