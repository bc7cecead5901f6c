package org.peerpulse.indicators.export.application;

import java.time.Clock;

import org.peerpulse.contracts.Frameworks;
import org.peerpulse.indicators.agencies.domain.Agencies;
import org.peerpulse.indicators.agencies.domain.AgencyCalendar;
import org.peerpulse.indicators.dashboards.domain.AgencyRollups;
import org.peerpulse.indicators.dashboards.domain.DateRange;
import org.peerpulse.indicators.export.domain.IndicatorExport;

/**
 * The funders' export of the caller's agency, from its rollups only, under the agency's export k and
 * without its 42 CFR Part 2 programs.
 */
public class ExportIndicators {

    private final AgencyRollups rollups;
    private final Agencies agencies;
    private final AgencyCalendar calendar;
    private final Clock clock;

    public ExportIndicators(AgencyRollups rollups, Agencies agencies, AgencyCalendar calendar, Clock clock) {
        this.rollups = rollups;
        this.agencies = agencies;
        this.calendar = calendar;
        this.clock = clock;
    }

    public IndicatorExport export(ExportQuery query) {
        DateRange range = DateRange.ofRequest(query.from(), query.to(), calendar.today(query.agencyId(), clock));
        // Skeleton: every agency answers under the default framework, as the dashboards do.
        return IndicatorExport.of(query.agencyId(), range,
                rollups.findAll(query.agencyId(), range.from(), range.to()), Frameworks.PEER_CORE_V1,
                agencies.of(query.agencyId()));
    }
}
