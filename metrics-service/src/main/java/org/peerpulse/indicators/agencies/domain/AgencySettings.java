package org.peerpulse.indicators.agencies.domain;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Set;

import org.peerpulse.contracts.AgencySettingsChanged;

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
 * @param alertWebhookUrl where every new alert is sent (Standard Webhooks); {@code null}: nowhere
 */
public record AgencySettings(ZoneId zone, SmallCellRule dashboards, SmallCellRule exports, Set<String> part2Programs,
        Double valuesIndexFloor, Double trustIndexFloor, String alertWebhookUrl) {

    /** What an agency that never set anything gets: UTC days, k = 5 on dashboards and 11 on exports, no floors. */
    public static final AgencySettings DEFAULTS = of(AgencySettingsChanged.Settings.DEFAULTS);

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
        alertWebhookUrl = alertWebhookUrl == null || alertWebhookUrl.isBlank() ? null : alertWebhookUrl;
    }

    /** Settings without a webhook: what the indicators other than alerts read is all here. */
    public AgencySettings(ZoneId zone, SmallCellRule dashboards, SmallCellRule exports, Set<String> part2Programs,
            Double valuesIndexFloor, Double trustIndexFloor) {
        this(zone, dashboards, exports, part2Programs, valuesIndexFloor, trustIndexFloor, null);
    }

    /**
     * The settings an agency published, as the indicators read them.
     *
     * @throws IllegalArgumentException when they break a rule: a cell size below 3, an export k below the
     *     dashboards' k, a zone that is not one, a floor outside 0..100
     */
    public static AgencySettings of(AgencySettingsChanged.Settings published) {
        ZoneId zone;
        try {
            zone = published.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(published.timeZone()).normalized();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("timeZone is not a time zone", e);
        }
        return new AgencySettings(zone, new SmallCellRule(published.minCellSize()),
                new SmallCellRule(published.exportMinCellSize()), Set.copyOf(published.part2Programs()),
                published.valuesIndexFloor(), published.trustIndexFloor(), published.alertWebhookUrl());
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
