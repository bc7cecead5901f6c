package org.peerpulse.indicators.dashboards.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.indicators.agencies.domain.InMemoryAgencies;
import org.peerpulse.indicators.agencies.domain.SmallCellRule;
import org.peerpulse.indicators.counting.domain.Cell;
import org.peerpulse.indicators.counting.domain.CellRollup;
import org.peerpulse.indicators.counting.domain.DayCounts;
import org.peerpulse.indicators.counting.domain.RatingTally;
import org.peerpulse.indicators.dashboards.domain.AgencyDashboards;
import org.peerpulse.indicators.dashboards.domain.AgencyRollups;
import org.peerpulse.indicators.dashboards.domain.DateRange;
import org.peerpulse.indicators.dashboards.domain.Granularity;
import org.peerpulse.indicators.dashboards.domain.RunningTotals;
import org.peerpulse.indicators.dashboards.domain.Scope;

/**
 * A range asked again of the same copy of an agency's totals under the same settings is answered from the
 * dashboards already worked out, and only then: new totals, another range, granularity or k (also a k the
 * agency changed while the service runs) are worked out afresh, from the data.
 */
class ReadDashboardTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-30");
    private static final Cell AMES = new Cell("harbor", "warmline", "sp-ames");
    private static final Cell BELL = new Cell("harbor", "warmline", "sp-bell");

    private final CopiedRollups rollups = new CopiedRollups();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void theSameCopyAndRangeAreWorkedOutOnceAndNewTotalsAgain() {
        rollups.add(AMES, TODAY, 6);
        rollups.add(BELL, TODAY.minusDays(1), 7);
        ReadDashboard read = reader(5);
        DashboardQuery byDay = query(Scope.program("warmline"), Granularity.DAY);

        AgencyDashboards first = read.readAgency(byDay);
        assertThat(read.readAgency(query(Scope.agency("harbor"), Granularity.DAY))).isSameAs(first);
        assertThat(read.read(byDay)).isEqualTo(fresh(Scope.program("warmline"), Granularity.DAY, 5));
        assertThat(read.readAgency(query(Scope.agency("harbor"), Granularity.WEEK))).isNotSameAs(first);

        // Counting moved the agency on: the in-memory copy has new totals, so the answer is worked out again.
        rollups.add(AMES, TODAY, 3);
        assertThat(read.readAgency(byDay)).isNotSameAs(first);
        assertThat(read.read(byDay).sessions()).isEqualTo(16);
        assertThat(read.read(byDay)).isEqualTo(fresh(Scope.program("warmline"), Granularity.DAY, 5));
    }

    @Test
    void eachAgencysKDecidesItsOwnAnswers() {
        rollups.add(AMES, TODAY, 4);
        rollups.add(BELL, TODAY, 4);
        DashboardQuery agency = query(Scope.agency("harbor"), Granularity.MONTH);

        assertThat(reader(5).read(agency).responsesSuppressed()).isFalse();
        assertThat(reader(9).read(agency).responsesSuppressed()).isTrue();
        assertThat(reader(9).read(agency)).isEqualTo(fresh(Scope.agency("harbor"), Granularity.MONTH, 9));
    }

    /**
     * The same copy of the totals and the same range, but the agency chose another k meanwhile: what was
     * decided under the old k is not served, in either direction.
     */
    @Test
    void anAnswerDecidedUnderTheOldKIsNotServedAfterTheAgencyChoseAnother() {
        rollups.add(AMES, TODAY, 4);
        InMemoryAgencies agencies = new InMemoryAgencies();
        ReadDashboard read = new ReadDashboard(rollups, agencies, agencies.calendar(), clock);
        DashboardQuery agency = query(Scope.agency("harbor"), Granularity.MONTH);
        AgencyDashboards underFive = read.readAgency(agency);
        assertThat(read.readAgency(agency)).isSameAs(underFive);
        assertThat(read.read(agency).responsesSuppressed()).isTrue();

        agencies.set("harbor", InMemoryAgencies.settings(ZoneOffset.UTC, 3));

        assertThat(read.readAgency(agency)).isNotSameAs(underFive);
        assertThat(read.read(agency).responsesSuppressed()).isFalse();
        assertThat(read.read(agency)).isEqualTo(fresh(Scope.agency("harbor"), Granularity.MONTH, 3));

        agencies.set("harbor", InMemoryAgencies.settings(ZoneOffset.UTC, 5));

        assertThat(read.read(agency).responsesSuppressed()).isTrue();
        assertThat(read.read(agency)).isEqualTo(fresh(Scope.agency("harbor"), Granularity.MONTH, 5));
    }

    private ReadDashboard reader(int k) {
        InMemoryAgencies agencies = new InMemoryAgencies(InMemoryAgencies.settings(ZoneOffset.UTC, k));
        return new ReadDashboard(rollups, agencies, agencies.calendar(), clock);
    }

    private static DashboardQuery query(Scope scope, Granularity granularity) {
        return new DashboardQuery("harbor", scope, null, null, granularity);
    }

    private org.peerpulse.indicators.dashboards.domain.Dashboard fresh(Scope scope, Granularity granularity, int k) {
        DateRange range = DateRange.ofRequest(null, null, TODAY);
        return AgencyDashboards.of("harbor", range, granularity, List.copyOf(rollups.all), Frameworks.PEER_CORE_V1,
                new SmallCellRule(k)).of(scope);
    }

    /** Rollups with one copy of their totals per change, as the in-memory copy keeps one per version. */
    private static final class CopiedRollups implements AgencyRollups {

        final List<CellRollup> all = new ArrayList<>();
        private RunningTotals totals = RunningTotals.of("harbor", List.of());

        void add(Cell cell, LocalDate day, int answers) {
            RatingTally tally = RatingTally.NONE;
            for (int i = 0; i < answers; i++) {
                tally = tally.with(4);
            }
            all.add(new CellRollup(cell, day, new DayCounts(answers, answers, 30, 30, 0, 0, answers,
                    Map.of("KINDNESS", tally), tally, 0)));
            totals = RunningTotals.of("harbor", all);
        }

        @Override
        public List<CellRollup> findAll(String agencyId, LocalDate from, LocalDate to) {
            return all.stream().filter(rollup -> !rollup.day().isBefore(from) && !rollup.day().isAfter(to)).toList();
        }

        @Override
        public RunningTotals totals(String agencyId, LocalDate from, LocalDate to) {
            return totals;
        }

        @Override
        public boolean knows(String agencyId, Scope scope) {
            return true;
        }
    }
}
