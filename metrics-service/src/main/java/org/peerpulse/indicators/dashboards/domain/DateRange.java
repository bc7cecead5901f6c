package org.peerpulse.indicators.dashboards.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.stream.Stream;

/** Inclusive days of a dashboard, at most {@value #MAX_DAYS} of them, so an answer's cost stays bounded. */
public record DateRange(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 366;
    public static final int DEFAULT_DAYS = 30;

    public DateRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new InvalidDashboardRequest("to", "to must not be before from.");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new InvalidDashboardRequest("from", "A dashboard covers at most " + MAX_DAYS + " days.");
        }
    }

    /** The last {@value #DEFAULT_DAYS} days ending {@code today}, or what the caller set of from and to. */
    public static DateRange ofRequest(LocalDate from, LocalDate to, LocalDate today) {
        LocalDate end = to != null ? to : from != null ? from.plusDays(DEFAULT_DAYS - 1) : today;
        LocalDate start = from != null ? from : end.minusDays(DEFAULT_DAYS - 1);
        return new DateRange(start, end);
    }

    public Stream<LocalDate> days() {
        return from.datesUntil(to.plusDays(1));
    }
}
