package org.peerpulse.indicators.dashboards.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.indicators.agencies.domain.SmallCellRule;
import org.peerpulse.indicators.counting.domain.Cell;
import org.peerpulse.indicators.counting.domain.CellRollup;
import org.peerpulse.indicators.counting.domain.DayCounts;
import org.peerpulse.indicators.counting.domain.RatingTally;

/**
 * What stays hidden, checked the way an attacker would look for it: by subtracting shown numbers.
 *
 * <pre>
 * harbor, k = 5, KINDNESS answers per cell (every answer the same, so a sum tells whose answers they are):
 *   warmline   sp-ames  12 x 4 = 48     navigation  sp-diaz  6 x 3 = 18
 *   warmline   sp-bell  25 x 5 = 125
 *   warmline   sp-cruz   2 x 1 = 2      &lt;- fewer than 5: hidden
 * warmline 39 answers, sum 175; navigation 6, sum 18; agency 45, sum 193.
 * Shown warmline minus shown sp-bell would be sp-cruz if sp-ames were shown: 175 - 125 - 48 = 2.
 * So a second specialist of warmline's group must go: the one with the fewest answers, sp-ames (12), not
 * sp-diaz (6), who works elsewhere and whose hiding would not help.
 * </pre>
 */
class DisclosureTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-20");
    private static final DateRange RANGE = new DateRange(DAY, DAY);

    @Test
    void aProgramTotalMinusItsOtherSpecialistsNoLongerGivesBackAHiddenSpecialist() {
        AgencyDashboards harbor = AgencyDashboards.of("harbor", RANGE, Granularity.MONTH, List.of(
                cell("warmline", "sp-ames", 12, 4), cell("warmline", "sp-bell", 25, 5),
                cell("warmline", "sp-cruz", 2, 1), cell("navigation", "sp-diaz", 6, 3)),
                Frameworks.PEER_CORE_V1, new SmallCellRule(5));

        // The attacker reads every dashboard they may see.
        Dashboard warmline = harbor.of(Scope.program("warmline"));
        Map<String, Dashboard> specialists = new HashMap<>();
        for (String id : List.of("sp-ames", "sp-bell", "sp-cruz", "sp-diaz")) {
            specialists.put(id, harbor.of(Scope.specialist(id)));
        }
        List<String> hiddenInWarmline = new ArrayList<>();
        long sum = Math.round(kindness(warmline).mean() * kindness(warmline).responses());
        long answers = kindness(warmline).responses();
        for (String id : List.of("sp-ames", "sp-bell", "sp-cruz")) {
            ItemScore shown = kindness(specialists.get(id));
            if (shown.suppressed()) {
                hiddenInWarmline.add(id);
            } else {
                sum -= Math.round(shown.mean() * shown.responses());
                answers -= shown.responses();
            }
        }

        // What is left is sp-ames and sp-cruz together, 14 answers summing to 50 (mean 3.57), not sp-cruz's 2 x 1.
        assertThat(hiddenInWarmline).containsExactly("sp-ames", "sp-cruz");
        assertThat(answers).isEqualTo(14);
        assertThat(sum).isEqualTo(50);
        assertThat(kindness(specialists.get("sp-diaz")).suppressed()).isFalse();
        // The same holds for the response count and for hope: every measure is protected on its own.
        assertThat(specialists.get("sp-ames").responses()).isNull();
        assertThat(specialists.get("sp-ames").hope().suppressed()).isTrue();
        assertThat(warmline.responses()).isEqualTo(39);
    }

    @Test
    void twoHiddenThatTogetherStayBelowKAreJoinedByAThird() {
        // sp-cruz 1 and sp-diaz 3 are hidden; together 4 < 5, so (agency - sp-ames - sp-bell) would be a mean
        // over four answers. The shown specialist with the fewest answers, sp-ames (6), goes as well.
        AgencyDashboards harbor = AgencyDashboards.of("harbor", RANGE, Granularity.MONTH, List.of(
                cell("warmline", "sp-ames", 6, 4), cell("warmline", "sp-bell", 20, 5),
                cell("warmline", "sp-cruz", 1, 1), cell("warmline", "sp-diaz", 3, 2)),
                Frameworks.PEER_CORE_V1, new SmallCellRule(5));

        assertThat(List.of("sp-ames", "sp-bell", "sp-cruz", "sp-diaz"))
                .filteredOn(id -> kindness(harbor.of(Scope.specialist(id))).suppressed())
                .containsExactly("sp-ames", "sp-cruz", "sp-diaz");
    }

    @Test
    void everyDashboardOfTheAgencyHidesTheSameThings() {
        List<CellRollup> rollups = List.of(cell("warmline", "sp-ames", 12, 4), cell("warmline", "sp-cruz", 2, 1),
                cell("navigation", "sp-diaz", 30, 3));
        Disclosure once = AgencyDashboards.of("harbor", RANGE, Granularity.DAY, rollups, Frameworks.PEER_CORE_V1,
                new SmallCellRule(5)).disclosure();

        // Asking for navigation's dashboard does not change what warmline's dashboard hid.
        assertThat(once.hides("KINDNESS", Scope.specialist("sp-ames"), AgencyDashboards.RANGE)).isTrue();
        assertThat(once.hides("KINDNESS", Scope.specialist("sp-diaz"), AgencyDashboards.RANGE)).isFalse();
        assertThat(once.hides("KINDNESS", Scope.specialist("sp-nobody"), AgencyDashboards.RANGE)).isTrue();
    }

    @Test
    void aMinimumCellSizeBelowThreeIsRefused() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new SmallCellRule(2));
    }

    /**
     * An independent check: over many random agencies (programs, specialists sharing programs, two days of
     * one month), every count an attacker sees is a linear equation in the unknown cell-and-day counts; a
     * hidden count with answers must not follow from them. Follows = its equation is a combination of the
     * shown ones, a rank test done exactly modulo a prime larger than any minor of these small 0/1 matrices.
     * With two months of trend, 2 of 400 such agencies still leak one period through range totals of both
     * cuts at once; decision 0007 records that residual risk.
     */
    @Test
    void noHiddenCountFollowsFromTheShownOnesInRandomAgencies() {
        Random random = new Random(20261120);
        LocalDate first = LocalDate.parse("2026-11-01");
        LocalDate second = first.plusDays(1);
        DateRange twoDays = new DateRange(first, second);
        for (int agency = 0; agency < 400; agency++) {
            int programs = 1 + random.nextInt(3);
            int people = 1 + random.nextInt(4);
            List<CellRollup> rollups = new ArrayList<>();
            for (int p = 0; p < programs; p++) {
                for (int s = 0; s < people; s++) {
                    for (LocalDate day : List.of(first, second)) {
                        if (random.nextInt(3) > 0) {
                            rollups.add(new CellRollup(new Cell("harbor", "p" + p, "s" + s), day,
                                    answers(1 + random.nextInt(9))));
                        }
                    }
                }
            }
            int k = 3 + random.nextInt(3);
            Disclosure disclosure = AgencyDashboards.of("harbor", twoDays, Granularity.MONTH, rollups,
                    Frameworks.PEER_CORE_V1, new SmallCellRule(k)).disclosure();
            assertNothingHiddenFollows(rollups, disclosure, List.of("2026-11"), agency);
        }
    }

    private static void assertNothingHiddenFollows(List<CellRollup> rollups, Disclosure disclosure,
            List<String> periods, int agency) {
        // Unknowns: one per cell and month with answers.
        List<String> unknowns = new ArrayList<>();
        Map<String, Long> counts = new HashMap<>();
        for (CellRollup rollup : rollups) {
            String key = rollup.cell().programId() + "/" + rollup.cell().specialistId() + "/"
                    + Granularity.MONTH.periodOf(rollup.day());
            unknowns.add(key);
            counts.put(key, rollup.counts().responses());
        }
        List<Scope> scopes = new ArrayList<>(List.of(Scope.agency("harbor")));
        rollups.stream().map(r -> Scope.program(r.cell().programId())).distinct().forEach(scopes::add);
        rollups.stream().map(r -> Scope.specialist(r.cell().specialistId())).distinct().forEach(scopes::add);
        List<String> slices = new ArrayList<>(periods);
        slices.add(AgencyDashboards.RANGE);
        List<long[]> shown = new ArrayList<>();
        Map<String, long[]> hidden = new HashMap<>();
        for (Scope scope : scopes) {
            for (String slice : slices) {
                long[] equation = new long[unknowns.size()];
                long n = 0;
                for (int i = 0; i < unknowns.size(); i++) {
                    String[] parts = unknowns.get(i).split("/");
                    boolean inScope = switch (scope.type()) {
                        case AGENCY -> true;
                        case PROGRAM -> parts[0].equals(scope.id());
                        case SPECIALIST -> parts[1].equals(scope.id());
                    };
                    if (inScope && (slice.equals(AgencyDashboards.RANGE) || parts[2].equals(slice))) {
                        equation[i] = 1;
                        n += counts.get(unknowns.get(i));
                    }
                }
                if (disclosure.hides(Disclosure.RESPONSES, scope, slice)) {
                    if (n > 0) {
                        hidden.put(scope + " " + slice, equation);
                    }
                } else {
                    shown.add(equation);
                }
            }
        }
        int rank = rank(shown);
        hidden.forEach((name, equation) -> {
            List<long[]> with = new ArrayList<>(shown);
            with.add(equation);
            StringBuilder picture = new StringBuilder();
            rollups.forEach(r -> picture.append(r.cell().programId()).append('/').append(r.cell().specialistId())
                    .append('/').append(r.day()).append('=').append(r.counts().responses()).append(' '));
            picture.append("\nhidden: ");
            for (Scope scope : scopes) {
                for (String slice : slices) {
                    if (disclosure.hides(Disclosure.RESPONSES, scope, slice)) {
                        picture.append(scope.id()).append('@').append(slice).append(' ');
                    }
                }
            }
            assertThat(rank(with)).as("agency %d: %s follows from what is shown\n%s", agency, name, picture)
                    .isEqualTo(rank + 1);
        });
    }

    private static final long PRIME = 1_000_000_007L;

    static int rank(List<long[]> rows) {
        long[][] m = rows.stream().map(long[]::clone).toArray(long[][]::new);
        int rank = 0;
        int columns = m.length == 0 ? 0 : m[0].length;
        for (int column = 0; column < columns && rank < m.length; column++) {
            int pivot = -1;
            for (int row = rank; row < m.length; row++) {
                if (m[row][column] % PRIME != 0) {
                    pivot = row;
                    break;
                }
            }
            if (pivot < 0) {
                continue;
            }
            long[] swap = m[rank];
            m[rank] = m[pivot];
            m[pivot] = swap;
            long inverse = power(Math.floorMod(m[rank][column], PRIME), PRIME - 2);
            for (int row = 0; row < m.length; row++) {
                if (row != rank && m[row][column] % PRIME != 0) {
                    long factor = Math.floorMod(m[row][column], PRIME) * inverse % PRIME;
                    for (int c = 0; c < columns; c++) {
                        m[row][c] = Math.floorMod(m[row][c] - factor * Math.floorMod(m[rank][c], PRIME), PRIME);
                    }
                }
            }
            rank++;
        }
        return rank;
    }

    private static long power(long base, long exponent) {
        long result = 1;
        base %= PRIME;
        while (exponent > 0) {
            if ((exponent & 1) == 1) {
                result = result * base % PRIME;
            }
            base = base * base % PRIME;
            exponent >>= 1;
        }
        return result;
    }

    private static DayCounts answers(int n) {
        return new DayCounts(n, n, 0, 0, 0, 0, n, Map.of(), RatingTally.NONE, 0);
    }

    private static CellRollup cell(String program, String specialist, int answers, int rating) {
        RatingTally tally = RatingTally.NONE;
        for (int i = 0; i < answers; i++) {
            tally = tally.with(rating);
        }
        return new CellRollup(new Cell("harbor", program, specialist), DAY,
                new DayCounts(answers, answers, 0, 0, 0, 0, answers, Map.of("KINDNESS", tally), tally, 0));
    }

    private static ItemScore kindness(Dashboard dashboard) {
        return dashboard.items().stream().filter(item -> item.code().equals("KINDNESS")).findFirst().orElseThrow();
    }
}
