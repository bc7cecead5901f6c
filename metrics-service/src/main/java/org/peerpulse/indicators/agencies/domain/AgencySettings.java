package org.peerpulse.indicators.agencies.domain;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * What an agency decided about its own indicators. Every field has a safe default, so an agency that set
 * nothing still gets UTC days, k = 5 on dashboards and k = 11 on exports.
 *
 * @param zone the time zone whose calendar decides the day, week and month a session counts in
 * @param dashboards the small-cell rule of its dashboards and alerts
 * @param exports the small-cell rule of exports for funders, never looser than the dashboards' rule
 * @param part2Programs programs under 42 CFR Part 2, kept out of every export
 * @param valuesIndexFloor a values index below this opens an alert; {@code null} never does
 * @param trustIndexFloor a TRUST index below this opens an alert; {@code null} never does
 */
public record AgencySettings(ZoneId zone, SmallCellRule dashboards, SmallCellRule exports, Set<String> part2Programs,
        Double valuesIndexFloor, Double trustIndexFloor) {

    public static final int DEFAULT_EXPORT_K = 11;

    public AgencySettings {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(dashboards, "dashboards");
        Objects.requireNonNull(exports, "exports");
        if (exports.k() < dashboards.k()) {
            throw new IllegalArgumentException("an export's minimum cell size is never below the dashboards'");
        }
        part2Programs = Set.copyOf(part2Programs == null ? Set.of() : part2Programs);
        requireIndex(valuesIndexFloor, "valuesIndexFloor");
        requireIndex(trustIndexFloor, "trustIndexFloor");
    }

    public boolean isPart2(String programId) {
        return part2Programs.contains(programId);
    }

    private static void requireIndex(Double floor, String name) {
        if (floor != null && (floor < 0 || floor > 100)) {
            throw new IllegalArgumentException(name + " is an index between 0 and 100");
        }
    }
}
