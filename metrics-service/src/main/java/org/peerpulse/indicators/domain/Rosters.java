package org.peerpulse.indicators.domain;

import java.time.LocalDate;

/** The rosters of the agencies, as a collection read from what the rollups already hold. */
public interface Rosters {

    /** The programs and specialists of one agency with any rollup on the days {@code from}..{@code to}. */
    Roster of(String agencyId, LocalDate from, LocalDate to);
}
