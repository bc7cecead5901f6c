package org.peerpulse.indicators.dashboards.domain;

import java.time.LocalDate;
import java.util.List;

import org.peerpulse.indicators.counting.domain.CellRollup;

/**
 * The day rollups of a whole agency, cell by cell. Small-cell decisions are taken over every program and
 * specialist at once, so that each dashboard hides the same things; the read costs cells × days, never
 * events.
 */
public interface AgencyRollups {

    /** Every rollup of the agency for the days {@code from}..{@code to} inclusive. */
    List<CellRollup> findAll(String agencyId, LocalDate from, LocalDate to);

    /**
     * The running totals of the agency's rollups over at least the days {@code from}..{@code to}: what a
     * dashboard adds up. An adapter that keeps the agency's rollups can keep their totals too, instead of
     * adding them up again for every request.
     */
    default RunningTotals totals(String agencyId, LocalDate from, LocalDate to) {
        return RunningTotals.of(agencyId, findAll(agencyId, from, to));
    }

    /**
     * Whether the agency ever had a rollup of the scope, on any day: a program or specialist it never had
     * is not its own. The agency scope is known only to the agency itself.
     */
    boolean knows(String agencyId, Scope scope);
}
