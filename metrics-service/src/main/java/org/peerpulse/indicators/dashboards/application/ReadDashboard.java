package org.peerpulse.indicators.dashboards.application;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.peerpulse.contracts.FrameworkRef;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.QualityFramework;
import org.peerpulse.indicators.agencies.domain.Agencies;
import org.peerpulse.indicators.agencies.domain.AgencyCalendar;
import org.peerpulse.indicators.agencies.domain.AgencySettings;
import org.peerpulse.indicators.agencies.domain.SmallCellRule;
import org.peerpulse.indicators.dashboards.domain.AgencyDashboards;
import org.peerpulse.indicators.dashboards.domain.AgencyRollups;
import org.peerpulse.indicators.dashboards.domain.Dashboard;
import org.peerpulse.indicators.dashboards.domain.DateRange;
import org.peerpulse.indicators.dashboards.domain.Granularity;
import org.peerpulse.indicators.dashboards.domain.RunningTotals;
import org.peerpulse.indicators.dashboards.domain.ScopeNotFound;

/**
 * Answers a dashboard from the day rollups of the caller's agency only: another agency's program or
 * specialist has no rollups here, so it is not found, never someone else's numbers. It reads
 * the whole agency for the range (and the period before it, for the first change of the trend), because
 * what is hidden is decided over every program and specialist at once, with the agency's dashboard k.
 *
 * <p>What is hidden is decided on read, from the rollups as they are, for the range and granularity asked.
 * That decision is a function of the agency's totals, its settings (the rule), the range, the granularity and
 * the framework only, so while the totals are the same copy (the in-memory copy keeps one per version of the
 * agency's rollups) and the agency's settings are the same, a range asked again is answered from the
 * dashboards already worked out. New totals or new settings (a quality lead chose another k, or a zone that
 * moves today) start again: nothing decided under the old ones is served after the change.
 */
public class ReadDashboard {

    /** Ranges kept per agency and copy of its totals; beyond this many, the agency's are worked out afresh. */
    static final int PLANS_PER_AGENCY = 16;

    private final AgencyRollups rollups;
    private final Agencies agencies;
    private final AgencyCalendar calendar;
    private final Clock clock;
    private final ConcurrentMap<String, Worked> worked = new ConcurrentHashMap<>();

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
        AgencySettings settings = agencies.of(query.agencyId());
        SmallCellRule rule = settings.dashboards();
        RunningTotals totals = rollups.totals(query.agencyId(),
                AgencyDashboards.firstDayToRead(range, query.granularity()), range.to());
        Worked ofTotals = worked.compute(query.agencyId(),
                (agency, known) -> known != null && known.decidedFor(totals, settings) ? known
                        : new Worked(totals, settings));
        if (ofTotals.plans().size() >= PLANS_PER_AGENCY) {
            ofTotals.plans().clear();
        }
        return ofTotals.plans().computeIfAbsent(new Plan(range, query.granularity(), framework.ref()),
                plan -> AgencyDashboards.of(range, query.granularity(), totals, framework, rule));
    }

    private record Plan(DateRange range, Granularity granularity, FrameworkRef framework) {
    }

    /**
     * The dashboards worked out from one copy of an agency's totals (compared by identity: it never changes)
     * under one version of its settings (compared by value: only what they say matters).
     */
    private record Worked(RunningTotals totals, AgencySettings settings, ConcurrentMap<Plan, AgencyDashboards> plans) {

        Worked(RunningTotals totals, AgencySettings settings) {
            this(totals, settings, new ConcurrentHashMap<>());
        }

        boolean decidedFor(RunningTotals current, AgencySettings now) {
            return totals == current && settings.equals(now);
        }
    }
}
