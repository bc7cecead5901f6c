package org.peerpulse.indicators.learning.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import org.peerpulse.indicators.agencies.domain.Agencies;
import org.peerpulse.indicators.agencies.domain.AgencyCalendar;
import org.peerpulse.indicators.agencies.domain.SmallCellRule;
import org.peerpulse.indicators.counting.domain.CellRollup;
import org.peerpulse.indicators.counting.domain.DayCounts;
import org.peerpulse.indicators.dashboards.application.DashboardQuery;
import org.peerpulse.indicators.dashboards.application.ReadDashboard;
import org.peerpulse.indicators.dashboards.domain.AgencyRollups;
import org.peerpulse.indicators.dashboards.domain.DateRange;
import org.peerpulse.indicators.dashboards.domain.Granularity;
import org.peerpulse.indicators.dashboards.domain.Scope;
import org.peerpulse.indicators.learning.domain.LearningRelease;
import org.peerpulse.indicators.learning.domain.LearningReleaseRule;
import org.peerpulse.indicators.learning.domain.LearningReleases;
import org.peerpulse.indicators.learning.domain.LearningView;
import org.peerpulse.indicators.learning.domain.ValueReflection;

/**
 * A specialist's own learning view, released in batches: on read, a release is made when
 * {@link LearningReleaseRule} says one is due this week, from the specialist's dashboard over the week's
 * window (hidden the way the agency's dashboards hide it); otherwise the last release stands. Making it on
 * read rather than on a schedule gives the same result, since what a release holds depends on its week.
 * The reflection gap comes from the same window's rollups, the specialist's cells added up.
 */
public class ReadLearningView {

    private final ReadDashboard dashboards;
    private final AgencyRollups rollups;
    private final LearningReleases releases;
    private final Agencies agencies;
    private final AgencyCalendar calendar;
    private final Clock clock;

    public ReadLearningView(ReadDashboard dashboards, AgencyRollups rollups, LearningReleases releases,
            Agencies agencies, AgencyCalendar calendar, Clock clock) {
        this.dashboards = dashboards;
        this.rollups = rollups;
        this.releases = releases;
        this.agencies = agencies;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The view of {@code specialistId} of {@code agencyId}, both from the caller's token only. */
    public LearningAnswer read(String agencyId, String specialistId) {
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(specialistId, "specialistId");
        SmallCellRule rule = agencies.of(agencyId).dashboards();
        LocalDate week = LearningReleaseRule.weekOf(calendar.today(agencyId, clock));
        Optional<LearningRelease> last = releases.latest(agencyId, specialistId);
        if (last.isEmpty() || last.get().week().isBefore(week)) {
            DateRange window = LearningReleaseRule.windowOf(week);
            DayCounts counted = counted(agencyId, specialistId, window);
            long answers = counted.responses();
            if (LearningReleaseRule.due(last, week, answers, rule)) {
                Scope scope = Scope.specialist(specialistId);
                LearningView view = LearningView.of(dashboards.readAgency(
                        new DashboardQuery(agencyId, scope, window.from(), window.to(), Granularity.MONTH)).of(scope),
                        ValueReflection.of(counted, rule.k()));
                releases.add(new LearningRelease(agencyId, specialistId, week, answers, view));
                last = releases.latest(agencyId, specialistId);
            }
        }
        return new LearningAnswer(last, rule.k(), week.plusWeeks(1));
    }

    /** Everything the specialist's sessions and answers counted in the window, across their programs. */
    private DayCounts counted(String agencyId, String specialistId, DateRange window) {
        DayCounts.Sum sum = DayCounts.sum();
        for (CellRollup rollup : rollups.findAll(agencyId, window.from(), window.to())) {
            if (rollup.cell().specialistId().equals(specialistId)) {
                sum.add(rollup.counts());
            }
        }
        return sum.total();
    }
}
