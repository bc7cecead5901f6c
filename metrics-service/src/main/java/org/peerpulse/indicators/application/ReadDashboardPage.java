package org.peerpulse.indicators.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.peerpulse.indicators.domain.Agencies;
import org.peerpulse.indicators.domain.AgencyCalendar;
import org.peerpulse.indicators.domain.DateRange;
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
    private final AgencyCalendar calendar;
    private final Clock clock;

    public ReadDashboardPage(ReadDashboard readDashboard, Rosters rosters, Agencies agencies, AgencyCalendar calendar,
            Clock clock) {
        this.readDashboard = readDashboard;
        this.rosters = rosters;
        this.agencies = agencies;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** One read of the roster and one of the agency's rollups, whatever the number of scopes below. */
    public DashboardPage read(DashboardQuery query) {
        DateRange range = DateRange.ofRequest(query.from(), query.to(), calendar.today(query.agencyId(), clock));
        List<Scope> below = switch (query.scope().type()) {
            case AGENCY -> roster(query, range).programs().stream().map(Scope::program).toList();
            case PROGRAM -> roster(query, range).specialistsOf(query.scope().id()).stream()
                    .map(Scope::specialist).toList();
            case SPECIALIST -> List.of();
        };
        List<Scope> scopes = new ArrayList<>();
        scopes.add(query.scope());
        below.stream().limit(MAX_CHILDREN).forEach(scopes::add);
        List<Dashboard> dashboards = readDashboard.readEach(
                new DashboardQuery(query.agencyId(), query.scope(), range.from(), range.to(), query.granularity()),
                scopes);
        return new DashboardPage(dashboards.get(0), agencies.of(query.agencyId()).dashboards().k(),
                dashboards.subList(1, dashboards.size()));
    }

    private Roster roster(DashboardQuery query, DateRange range) {
        return rosters.of(query.agencyId(), range.from(), range.to());
    }
}
