package org.peerpulse.indicators.config;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.peerpulse.indicators.domain.SmallCellRule;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code peerpulse.indicators.*}.
 *
 * @param minCellSize the smallest number of responses a shown statistic may rest on: 5 unless set, and
 *     refused below 3 so a misconfiguration can never expose a participant's answers
 * @param agencies per agency id, its settings; an agency not listed uses UTC
 */
@ConfigurationProperties("peerpulse.indicators")
public record IndicatorProperties(Integer minCellSize, Map<String, Agency> agencies) {

    public IndicatorProperties {
        minCellSize = minCellSize == null ? SmallCellRule.DEFAULT_K : minCellSize;
        if (minCellSize < SmallCellRule.LOWEST_K) {
            throw new IllegalArgumentException("peerpulse.indicators.min-cell-size must be at least "
                    + SmallCellRule.LOWEST_K);
        }
        agencies = agencies == null ? Map.of() : Map.copyOf(agencies);
    }

    /** @param zone the agency's time zone, which decides the day a session counts on */
    public record Agency(ZoneId zone) {
    }

    Map<String, ZoneId> zones() {
        Map<String, ZoneId> zones = new HashMap<>();
        agencies.forEach((id, agency) -> {
            if (agency.zone() != null) {
                zones.put(id, agency.zone());
            }
        });
        return zones;
    }
}
