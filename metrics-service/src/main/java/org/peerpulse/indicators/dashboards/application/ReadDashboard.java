package org.peerpulse.indicators.dashboards.application;

import java.time.Clock;

import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.QualityFramework;
import org.peerpulse.indicators.agencies.domain.Agencies;
import org.peerpulse.indicators.agencies.domain.AgencyCalendar;
import org.peerpulse.indicators.dashboards.domain.AgencyDashboards;
import org.peerpulse.indicators.dashboards.domain.AgencyRollups;
import org.peerpulse.indicators.dashboards.domain.Dashboard;
import org.peerpulse.indicators.dashboards.domain.DateRange;
import org.peerpulse.indicators.dashboards.domain.ScopeNotFound;

/**
 * Answers a dashboard from the day rollups of the caller's agency only: another agency's program or
 * specialist has no rollups here, so it is not found, never someone else's numbers. It reads
 * the whole agency for the range (and the period before it, for the first change of the trend), because
 * what is hidden is decided over every program and specialist at once, with the agency's dashboard k.
 */
public class ReadDashboard {

    private final AgencyRollups rollups;
    private final Agencies agencies;
    private final AgencyCalendar calendar;
    private final Clock clock;

    public ReadDashboard(AgencyRollups rollups, Agencies agencies, AgencyCalendar calendar, Clock clock) {
        this.rollups = rollups;
        this.agencies = agencies;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** One scope's dashboard; a program or specialist the agency never had is {@link ScopeNotFound}. */
    public Dashboard read(DashboardQuery query) {
        requireKnown(query);
        return readAgency(query).of(query.scope());
    }

    void requireKnown(DashboardQuery query) {
        if (!rollups.knows(query.agencyId(), query.scope())) {
            throw new ScopeNotFound();
        }
    }

    /**
     * Every dashboard of the query's agency, range and granularity (the query's own scope is not used), from
     * one read of the rollups: for a page that shows a scope and the scopes below it.
     */
    public AgencyDashboards readAgency(DashboardQuery query) {
        DateRange range = DateRange.ofRequest(query.from(), query.to(), calendar.today(query.agencyId(), clock));
        // Skeleton: every agency answers under the default framework; agency frameworks come later.
        QualityFramework framework = Frameworks.PEER_CORE_V1;
        return AgencyDashboards.of(range, query.granularity(),
                rollups.totals(query.agencyId(), AgencyDashboards.firstDayToRead(range, query.granularity()),
                        range.to()),
                framework, agencies.of(query.agencyId()).dashboards());
    }
}
