package org.peerpulse.indicators.agencies.config;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.peerpulse.indicators.agencies.domain.Agencies;
import org.peerpulse.indicators.agencies.domain.AgencySettings;
import org.peerpulse.indicators.agencies.domain.SmallCellRule;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code peerpulse.indicators.*}: defaults for every agency, and what each agency set for itself.
 *
 * @param minCellSize the smallest number of responses a shown statistic may rest on: 5 unless set, and
 *     refused below 3 so a misconfiguration can never expose a participant's answers
 * @param exportMinCellSize the same for exports to funders: 11 unless set
 * @param valuesIndexFloor a values index below this opens an alert; unset, none does
 * @param trustIndexFloor a TRUST index below this opens an alert; unset, none does
 * @param agencies per agency id, its own settings; what it leaves out comes from the defaults above
 */
@ConfigurationProperties("peerpulse.indicators")
public record IndicatorProperties(Integer minCellSize, Integer exportMinCellSize, Double valuesIndexFloor,
        Double trustIndexFloor, Map<String, Agency> agencies) {

    public IndicatorProperties {
        minCellSize = minCellSize == null ? SmallCellRule.DEFAULT_K : minCellSize;
        exportMinCellSize = exportMinCellSize == null ? AgencySettings.DEFAULT_EXPORT_K : exportMinCellSize;
        agencies = agencies == null ? Map.of() : Map.copyOf(agencies);
    }

    /**
     * One agency's settings; any left out takes the default.
     *
     * @param zone the agency's time zone, which decides the day a session counts on (UTC unless set)
     * @param part2Programs programs under 42 CFR Part 2, never exported
     */
    public record Agency(ZoneId zone, Integer minCellSize, Integer exportMinCellSize, Set<String> part2Programs,
            Double valuesIndexFloor, Double trustIndexFloor) {
    }

    /** The settings as the domain reads them; refuses a cell size below 3 with the property's name. */
    Agencies agencySettings() {
        AgencySettings defaults = settings("peerpulse.indicators", ZoneOffset.UTC, minCellSize, exportMinCellSize,
                Set.of(), valuesIndexFloor, trustIndexFloor);
        Map<String, AgencySettings> configured = new HashMap<>();
        agencies.forEach((id, agency) -> configured.put(id, settings("peerpulse.indicators.agencies." + id,
                agency.zone() == null ? defaults.zone() : agency.zone(),
                agency.minCellSize() == null ? minCellSize : agency.minCellSize(),
                agency.exportMinCellSize() == null ? exportMinCellSize : agency.exportMinCellSize(),
                agency.part2Programs(),
                agency.valuesIndexFloor() == null ? valuesIndexFloor : agency.valuesIndexFloor(),
                agency.trustIndexFloor() == null ? trustIndexFloor : agency.trustIndexFloor())));
        return new Agencies(defaults, configured);
    }

    private static AgencySettings settings(String prefix, ZoneId zone, int k, int exportK, Set<String> part2Programs,
            Double valuesFloor, Double trustFloor) {
        if (k < SmallCellRule.LOWEST_K) {
            throw new IllegalArgumentException(prefix + ".min-cell-size must be at least " + SmallCellRule.LOWEST_K);
        }
        if (exportK < SmallCellRule.LOWEST_K) {
            throw new IllegalArgumentException(prefix + ".export-min-cell-size must be at least "
                    + SmallCellRule.LOWEST_K);
        }
        return new AgencySettings(zone, new SmallCellRule(k), new SmallCellRule(exportK), part2Programs,
                valuesFloor, trustFloor);
    }
}
