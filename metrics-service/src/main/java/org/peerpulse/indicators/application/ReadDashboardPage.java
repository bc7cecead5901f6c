package org.peerpulse.indicators.application;

import java.util.List;

import org.peerpulse.indicators.domain.Agencies;
import org.peerpulse.indicators.domain.Dashboard;
import org.peerpulse.indicators.domain.Roster;
import org.peerpulse.indicators.domain.Rosters;
import org.peerpulse.indicators.domain.Scope;

/**
 * The quality lead's page for one scope: the same dashboard the API answers, plus the scopes one level
 * down that had sessions in the period, so the lead can drill down from the agency to a program to a
 * specialist. Every number comes from {@link ReadDashboard}, so the page never shows what the API hides.
 */
public class ReadDashboardPage {

    /** A bound on the drill-down list, and so on the cost of one page. */
    static final int MAX_CHILDREN = 60;

    private final ReadDashboard readDashboard;
    private final Rosters rosters;
    private final Agencies agencies;

    public ReadDashboardPage(ReadDashboard readDashboard, Rosters rosters, Agencies agencies) {
        this.readDashboard = readDashboard;
        this.rosters = rosters;
        this.agencies = agencies;
    }

    public DashboardPage read(DashboardQuery query) {
        Dashboard dashboard = readDashboard.read(query);
        List<Scope> below = switch (query.scope().type()) {
            case AGENCY -> roster(query, dashboard).programs().stream().map(Scope::program).toList();
            case PROGRAM -> roster(query, dashboard).specialistsOf(query.scope().id()).stream()
                    .map(Scope::specialist).toList();
            case SPECIALIST -> List.of();
        };
        List<Dashboard> children = below.stream()
                .limit(MAX_CHILDREN)
                .map(scope -> readDashboard.read(new DashboardQuery(query.agencyId(), scope, dashboard.from(),
                        dashboard.to(), query.granularity())))
                .toList();
        return new DashboardPage(dashboard, agencies.of(query.agencyId()).dashboards().k(), children);
    }

    private Roster roster(DashboardQuery query, Dashboard dashboard) {
        return rosters.of(query.agencyId(), dashboard.from(), dashboard.to());
    }
}
