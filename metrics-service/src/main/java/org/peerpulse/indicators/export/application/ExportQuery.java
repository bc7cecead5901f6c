package org.peerpulse.indicators.export.application;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An export request of a caller of {@code agencyId}; the agency comes from the caller's token only.
 *
 * @param from first day, inclusive, or {@code null} for 30 days before {@code to}
 * @param to last day, inclusive, or {@code null} for today in the agency's time zone
 */
public record ExportQuery(String agencyId, LocalDate from, LocalDate to) {

    public ExportQuery {
        Objects.requireNonNull(agencyId, "agencyId");
    }
}
