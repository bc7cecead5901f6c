package org.peerpulse.indicators.dashboards.application;

import java.util.List;

import org.peerpulse.indicators.dashboards.domain.Dashboard;

/**
 * What the quality lead's page shows for one scope: its dashboard, and one dashboard per scope one level
 * down (the programs of the agency, the specialists of a program), each suppressed on its own.
 *
 * @param minCellSize the agency's k, so a hidden statistic can say "fewer than k"
 * @param children the programs or specialists to drill down to, by id; none for a specialist
 */
public record DashboardPage(Dashboard dashboard, int minCellSize, List<Dashboard> children) {

    public DashboardPage {
        children = List.copyOf(children);
    }
}
