package org.peerpulse.indicators.dashboards.application;

import java.util.List;

import org.peerpulse.indicators.agencies.domain.Agencies;
import org.peerpulse.indicators.dashboards.domain.AgencyDashboards;
import org.peerpulse.indicators.dashboards.domain.Roster;
import org.peerpulse.indicators.dashboards.domain.Scope;

/**
 * The quality lead's page for one scope: the same dashboard the API answers, plus the scopes one level
 * down that had sessions in the period, so the lead can drill down from the agency to a program to a
 * specialist. Every number comes from {@link ReadDashboard}, so the page never shows what the API hides.
 */
public class ReadDashboardPage {

    /** A bound on the drill-down list, and so on the cost of one page. */
    static final int MAX_CHILDREN = 60;

    private final ReadDashboard readDashboard;
    private final Agencies agencies;

    public ReadDashboardPage(ReadDashboard readDashboard, Agencies agencies) {
        this.readDashboard = readDashboard;
        this.agencies = agencies;
    }

    /** One read of the agency's rollups, whatever the number of scopes below; the roster comes from it too. */
    public DashboardPage read(DashboardQuery query) {
        readDashboard.requireKnown(query);
        AgencyDashboards agency = readDashboard.readAgency(query);
        Roster roster = agency.roster();
        List<Scope> below = switch (query.scope().type()) {
            case AGENCY -> roster.programs().stream().map(Scope::program).toList();
            case PROGRAM -> roster.specialistsOf(query.scope().id()).stream().map(Scope::specialist).toList();
            case SPECIALIST -> List.of();
        };
        return new DashboardPage(agency.of(query.scope()), agencies.of(query.agencyId()).dashboards().k(),
                below.stream().limit(MAX_CHILDREN).map(agency::of).toList());
    }
}
