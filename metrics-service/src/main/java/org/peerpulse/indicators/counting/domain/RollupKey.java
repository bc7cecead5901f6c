package org.peerpulse.indicators.counting.domain;

import java.time.LocalDate;

/** One rollup: a cell on one day of the agency's calendar. */
public record RollupKey(Cell cell, LocalDate day) {

    /**
     * {@code agency|program|specialist|yyyy-MM-dd}: readable, and unique because a {@code |} or {@code %}
     * inside an id is percent-encoded.
     */
    public String id() {
        return encode(cell.agencyId()) + '|' + encode(cell.programId()) + '|' + encode(cell.specialistId()) + '|'
                + day;
    }

    static String encode(String part) {
        return part.replace("%", "%25").replace("|", "%7C");
    }
}
