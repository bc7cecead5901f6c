package org.peerpulse.indicators.application;

import java.time.Clock;

import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.QualityFramework;
import org.peerpulse.indicators.domain.Agencies;
import org.peerpulse.indicators.domain.AgencyCalendar;
import org.peerpulse.indicators.domain.Dashboard;
import org.peerpulse.indicators.domain.DateRange;
import org.peerpulse.indicators.domain.Rollups;

/**
 * Answers a dashboard from the day rollups of the caller's agency only: another agency's program or
 * specialist simply has no rollups here, so it reads as zero, never as someone else's numbers.
 */
public class ReadDashboard {

    private final Rollups rollups;
    private final Agencies agencies;
    private final AgencyCalendar calendar;
    private final Clock clock;

    public ReadDashboard(Rollups rollups, Agencies agencies, AgencyCalendar calendar, Clock clock) {
        this.rollups = rollups;
        this.agencies = agencies;
        this.calendar = calendar;
        this.clock = clock;
    }

    public Dashboard read(DashboardQuery query) {
        DateRange range = DateRange.ofRequest(query.from(), query.to(), calendar.today(query.agencyId(), clock));
        // Skeleton: every agency answers under the default framework; agency frameworks come later.
        QualityFramework framework = Frameworks.PEER_CORE_V1;
        return Dashboard.compute(query.agencyId(), query.scope(), range, query.granularity(),
                rollups.find(query.agencyId(), query.scope(), range.from(), range.to()), framework,
                agencies.of(query.agencyId()).dashboards());
    }
}
