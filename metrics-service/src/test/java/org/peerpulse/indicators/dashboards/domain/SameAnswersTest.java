package org.peerpulse.indicators.dashboards.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.FrameworkItem;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.ItemKind;
import org.peerpulse.indicators.agencies.domain.SmallCellRule;
import org.peerpulse.indicators.counting.domain.Cell;
import org.peerpulse.indicators.counting.domain.CellRollup;
import org.peerpulse.indicators.counting.domain.DayCounts;
import org.peerpulse.indicators.counting.domain.RatingTally;

/**
 * The dashboards worked out on running totals with numbered scopes answer exactly what the rule as first
 * written answers ({@link ReferenceDashboards}): every dashboard of every scope, and every decision of every
 * measure, scope and slice, over random agencies. The agencies have what real rollups have and the hand-worked
 * tests do not: specialists in two programs, items a form did not ask or a participant skipped, a code the
 * framework does not know, days of sessions without answers, and a void counted before its feedback.
 */
class SameAnswersTest {

    private static final List<String> ITEMS = Frameworks.PEER_CORE_V1.items().stream()
            .filter(item -> item.kind() == ItemKind.VALUE || item.kind() == ItemKind.PRINCIPLE)
            .map(FrameworkItem::code)
            .toList();
    private static final LocalDate LAST = LocalDate.parse("2026-11-30");

    @Test
    void dashboardsAndDecisionsAreThoseOfTheRuleAsWritten() {
        Random random = new Random(20261207);
        for (int agency = 0; agency < 150; agency++) {
            int programs = 1 + random.nextInt(3);
            int specialists = 1 + random.nextInt(4);
            List<CellRollup> rollups = agency(random, programs, specialists);
            int k = 3 + random.nextInt(6);
            Granularity granularity = Granularity.values()[random.nextInt(3)];
            LocalDate to = LAST.minusDays(random.nextInt(10));
            DateRange range = new DateRange(to.minusDays(random.nextInt(agency % 10 == 0 ? 70 : 31)), to);
            AgencyDashboards fast = AgencyDashboards.of("harbor", range, granularity, rollups,
                    Frameworks.PEER_CORE_V1, new SmallCellRule(k));
            ReferenceDashboards asWritten = ReferenceDashboards.of("harbor", range, granularity, rollups,
                    Frameworks.PEER_CORE_V1, new SmallCellRule(k));

            List<Scope> scopes = scopes(programs, specialists);
            for (Scope scope : scopes) {
                assertThat(fast.of(scope)).as("agency %d, %s", agency, scope).isEqualTo(asWritten.of(scope));
            }
            List<String> slices = new ArrayList<>(List.of(AgencyDashboards.RANGE));
            range.days().map(granularity::periodOf).distinct().forEach(slices::add);
            slices.add(granularity.periodOf(AgencyDashboards.periodBefore(range.from(), granularity).from()));
            for (String measure : measures()) {
                for (Scope scope : scopes) {
                    for (String slice : slices) {
                        assertThat(fast.disclosure().hides(measure, scope, slice))
                                .as("agency %d: %s of %s in %s", agency, measure, scope, slice)
                                .isEqualTo(asWritten.decisions.hides(measure, scope, slice));
                    }
                }
            }
        }
    }

    @Test
    void exportDecisionsAreThoseOfTheRuleAsWritten() {
        Random random = new Random(20261208);
        for (int agency = 0; agency < 300; agency++) {
            int programs = 1 + random.nextInt(5);
            Map<Cell, DayCounts> cells = new HashMap<>();
            for (CellRollup rollup : agency(random, programs, 1 + random.nextInt(3))) {
                cells.merge(rollup.cell(), rollup.counts(), DayCounts::plus);
            }
            SmallCellRule rule = new SmallCellRule(3 + random.nextInt(12));
            Disclosure fast = Disclosure.ofExport("harbor", cells, AgencyDashboards.RANGE, measures(), rule);
            ReferenceDashboards.Rule asWritten = ReferenceDashboards.Rule.ofExport("harbor", cells,
                    AgencyDashboards.RANGE, measures(), rule);
            for (String measure : measures()) {
                for (Scope scope : scopes(programs, 0)) {
                    assertThat(fast.hides(measure, scope, AgencyDashboards.RANGE))
                            .as("agency %d: %s of %s", agency, measure, scope)
                            .isEqualTo(asWritten.hides(measure, scope, AgencyDashboards.RANGE));
                }
            }
        }
    }

    private static List<String> measures() {
        List<String> measures = new ArrayList<>(List.of(Disclosure.RESPONSES, Frameworks.HOPE_CODE, "NOT_ASKED"));
        measures.addAll(ITEMS);
        return measures;
    }

    private static List<Scope> scopes(int programs, int specialists) {
        List<Scope> scopes = new ArrayList<>(List.of(Scope.agency("harbor"), Scope.specialist("sp-nobody")));
        for (int p = 0; p < programs; p++) {
            scopes.add(Scope.program("p" + p));
            for (int s = 0; s < specialists; s++) {
                scopes.add(Scope.specialist("s" + p + "-" + s));
            }
        }
        return scopes;
    }

    /** Up to 80 days of a small agency; some specialists also work in the next program. */
    private static List<CellRollup> agency(Random random, int programs, int specialists) {
        List<Cell> cells = new ArrayList<>();
        for (int p = 0; p < programs; p++) {
            for (int s = 0; s < specialists; s++) {
                cells.add(new Cell("harbor", "p" + p, "s" + p + "-" + s));
                if (random.nextInt(4) == 0) {
                    cells.add(new Cell("harbor", "p" + ((p + 1) % programs), "s" + p + "-" + s));
                }
            }
        }
        double density = 0.2 + 0.7 * random.nextDouble();
        List<CellRollup> rollups = new ArrayList<>();
        for (Cell cell : cells.stream().distinct().toList()) {
            for (int day = 0; day < 80; day++) {
                if (random.nextDouble() < density) {
                    rollups.add(new CellRollup(cell, LAST.minusDays(day), day(random)));
                }
            }
        }
        rollups.add(new CellRollup(new Cell("sunrise", "p0", "s0-0"), LAST, day(random)));
        return rollups;
    }

    private static DayCounts day(Random random) {
        int sessions = random.nextInt(5);
        int responses = sessions == 0 ? 0 : random.nextInt(sessions + 1);
        Map<String, RatingTally> items = new TreeMap<>();
        for (String item : ITEMS) {
            if (random.nextInt(10) > 0) {
                items.put(item, tally(random, random.nextInt(4) == 0 ? random.nextInt(responses + 1) : responses));
            }
        }
        if (random.nextInt(20) == 0) {
            items.put("NOT_IN_FRAMEWORK", tally(random, 2));
        }
        DayCounts counts = new DayCounts(sessions, sessions, 30L * sessions, 20L * sessions, random.nextInt(sessions + 1),
                random.nextInt(sessions + 1), responses, items, tally(random, random.nextInt(responses + 1)),
                random.nextInt(15) == 0 ? 1 : 0);
        return random.nextInt(40) == 0 ? counts.negated() : counts;
    }

    private static RatingTally tally(Random random, int answers) {
        RatingTally tally = RatingTally.NONE;
        for (int i = 0; i < answers; i++) {
            tally = tally.with(random.nextInt(3) == 0 ? 1 + random.nextInt(5) : 4 + random.nextInt(2));
        }
        return tally;
    }
}
