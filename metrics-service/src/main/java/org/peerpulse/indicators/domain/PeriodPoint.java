package org.peerpulse.indicators.domain;

/** One period of a trend: its key ({@code 2026-11-20}, {@code 2026-W47}, {@code 2026-11}) and headline numbers. */
public record PeriodPoint(String period, long sessions, long responses, Double valuesIndex, Double trustIndex) {
}
