package org.peerpulse.indicators.dashboards.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.ItemKind;
import org.peerpulse.indicators.agencies.domain.SmallCellRule;
import org.peerpulse.indicators.counting.domain.Cell;
import org.peerpulse.indicators.counting.domain.CellRollup;
import org.peerpulse.indicators.counting.domain.DayCounts;
import org.peerpulse.indicators.counting.domain.RatingTally;

/**
 * Worked by hand. Friday 2026-11-20 (ISO week 47) and Monday 2026-11-23 (week 48):
 * <pre>
 *                    20th          23rd        total
 * sessions           4             2           6
 * invitations        4             2           6
 * minutes / peer     200 / 150     60 / 60     260 / 210  -> peer-role share 0.808
 * with strengths     2             1           3          -> 3/6 = 0.5
 * recovery focus     3             0           3          -> 0.5
 * responses          3             2           5          -> 5/6 = 0.833
 * KINDNESS           5 5 4         3 4         n5 sum21 mean 4.2  top-box 4/5 0.8
 * EMPATHY            4 3 5         2 5         n5 sum19 mean 3.8  top-box 3/5 0.6
 * SAFE_ATMOSPHERE    5 5 5         4 4         n5 sum23 mean 4.6  top-box 1.0
 * GENTLENESS         1 1           1 1         n4 -> suppressed at k = 5
 * HOPE               4 4 2         5 3         n5 sum18 mean 3.6  top-box 0.6
 * harm reports       1             0           1
 * values index = ((4.2 + 3.8) / 2 - 1) / 4 * 100 = 75.0 (GENTLENESS left out)
 * TRUST index  = (4.6 - 1) / 4 * 100 = 90.0
 * </pre>
 */
class DashboardTest {

    private static final LocalDate FRIDAY = LocalDate.parse("2026-11-20");
    private static final LocalDate MONDAY = LocalDate.parse("2026-11-23");
    private static final DateRange RANGE = new DateRange(FRIDAY, MONDAY);

    private static final Cell CELL = new Cell("harbor", "warmline", "sp-rivera");

    private final List<CellRollup> rollups = List.of(
            new CellRollup(CELL, FRIDAY, new DayCounts(4, 4, 200, 150, 2, 3, 3,
                    Map.of("KINDNESS", tally(5, 5, 4), "EMPATHY", tally(4, 3, 5), "SAFE_ATMOSPHERE", tally(5, 5, 5),
                            "GENTLENESS", tally(1, 1), "NOT_IN_FRAMEWORK", tally(1, 1, 1, 1, 1)),
                    tally(4, 4, 2), 1)),
            new CellRollup(CELL, MONDAY, new DayCounts(2, 2, 60, 60, 1, 0, 2,
                    Map.of("KINDNESS", tally(3, 4), "EMPATHY", tally(2, 5), "SAFE_ATMOSPHERE", tally(4, 4),
                            "GENTLENESS", tally(1, 1)),
                    tally(5, 3), 0)));

    @Test
    void headlineNumbers() {
        Dashboard dashboard = compute(Granularity.WEEK, 5, rollups);

        assertThat(dashboard.sessions()).isEqualTo(6);
        assertThat(dashboard.invitations()).isEqualTo(6);
        assertThat(dashboard.responses()).isEqualTo(5);
        assertThat(dashboard.responsesSuppressed()).isFalse();
        assertThat(dashboard.responseRate()).isEqualTo(0.833);
        assertThat(dashboard.peerRoleShare()).isEqualTo(0.808);
        assertThat(dashboard.strengthsAcknowledgedRate()).isEqualTo(0.5);
        assertThat(dashboard.recoveryFocusRate()).isEqualTo(0.5);
        assertThat(dashboard.harmReports()).isEqualTo(1);
        assertThat(dashboard.valuesIndex()).isEqualTo(75.0);
        assertThat(dashboard.trustIndex()).isEqualTo(90.0);
        assertThat(dashboard.hope()).isEqualTo(new ItemScore("HOPE", ItemKind.HOPE, 5L, 3.6, 0.6,
                List.of(0L, 1L, 1L, 2L, 1L), false));
        assertThat(dashboard.signatureStrengths()).containsExactly("SAFE_ATMOSPHERE", "KINDNESS", "EMPATHY");
    }

    @Test
    void anIndexExactlyHalfwayRoundsUpAsWrittenNotAsBinaryFractionsSumUp() {
        // Eight value items, five answers each, with means 3.4, 3.4 and six times 3.6 (sums 17, 17, 18 x 6):
        // ((28.4 / 8) - 1) / 4 * 100 = 63.75 exactly, which rounds half up to 63.8. Doubles make it 63.7499...
        Map<String, RatingTally> items = new HashMap<>();
        List<String> values = List.of("GIVING_BACK", "COURAGE", "KINDNESS", "CAUTION", "HELPFULNESS", "CREATIVITY",
                "GENTLENESS", "EMPATHY");
        for (int i = 0; i < values.size(); i++) {
            items.put(values.get(i), i < 2 ? tally(3, 3, 3, 4, 4) : tally(3, 3, 4, 4, 4));
        }
        Dashboard dashboard = compute(Granularity.DAY, 5,
                List.of(new CellRollup(CELL, FRIDAY, new DayCounts(5, 5, 100, 100, 0, 0, 5, items, tally(), 0))));

        assertThat(dashboard.valuesIndex()).isEqualTo(63.8);
    }

    @Test
    void itemsInFrameworkOrderWithSmallCellsSuppressed() {
        Dashboard dashboard = compute(Granularity.WEEK, 5, rollups);

        assertThat(dashboard.items()).extracting(ItemScore::code).containsExactly(
                "GIVING_BACK", "COURAGE", "KINDNESS", "CAUTION", "HELPFULNESS", "CREATIVITY", "GENTLENESS", "EMPATHY",
                "SAFE_ATMOSPHERE", "RECOVERY_FOCUS", "GENUINE_ROLE", "NO_STIGMA", "STRENGTH_BASED");
        assertThat(item(dashboard, "KINDNESS")).isEqualTo(new ItemScore("KINDNESS", ItemKind.VALUE, 5L, 4.2, 0.8,
                List.of(0L, 0L, 1L, 2L, 2L), false));
        assertThat(item(dashboard, "EMPATHY")).isEqualTo(new ItemScore("EMPATHY", ItemKind.VALUE, 5L, 3.8, 0.6,
                List.of(0L, 1L, 1L, 1L, 2L), false));
        assertThat(item(dashboard, "SAFE_ATMOSPHERE"))
                .isEqualTo(new ItemScore("SAFE_ATMOSPHERE", ItemKind.PRINCIPLE, 5L, 4.6, 1.0,
                        List.of(0L, 0L, 0L, 2L, 3L), false));
        // Four answers: the count is hidden too, and the all-1 answers do not pull the index down.
        assertThat(item(dashboard, "GENTLENESS"))
                .isEqualTo(new ItemScore("GENTLENESS", ItemKind.VALUE, null, null, null, null, true));
        assertThat(item(dashboard, "COURAGE")).isEqualTo(new ItemScore("COURAGE", ItemKind.VALUE, null, null, null, null, true));
    }

    @Test
    void seriesByIsoWeekSuppressesEachPeriodOnItsOwn() {
        Dashboard dashboard = compute(Granularity.WEEK, 5, rollups);

        // Week 47 has 3 answers per item, week 48 has 2: below k = 5 in each, so no count and no index per week.
        assertThat(dashboard.series()).containsExactly(
                hiddenWeek("2026-W47", 4),
                hiddenWeek("2026-W48", 2));
    }

    @Test
    void aShownWeekWouldGiveBackItsHiddenNeighbourSoItIsHiddenToo() {
        Dashboard dashboard = compute(Granularity.WEEK, 3, rollups);

        // At k = 3 week 47 (3 answers) would be shown and week 48 (2) hidden, but the range shows 5 answers:
        // 5 - 3 = 2 and (range sum - week 47 sum) would be week 48's answers. So week 47 is hidden as well.
        assertThat(dashboard.series()).containsExactly(
                hiddenWeek("2026-W47", 4),
                hiddenWeek("2026-W48", 2));
        // Over the whole range GENTLENESS has 4 answers, all 1: values = ((4.2 + 3.8 + 1) / 3 - 1) / 4 * 100 = 50.0.
        assertThat(dashboard.valuesIndex()).isEqualTo(50.0);
        assertThat(item(dashboard, "GENTLENESS"))
                .isEqualTo(new ItemScore("GENTLENESS", ItemKind.VALUE, 4L, 1.0, 0.0, List.of(4L, 0L, 0L, 0L, 0L), false));
    }

    /**
     * <pre>
     * k = 3, one cell, weeks; the range is weeks 47 and 48, so the first change is from week 46.
     *                  W46 (9th-15th)      W47 (16th-22nd)            W48 (23rd-29th)
     * KINDNESS         3 4 5  mean 4       5 5 4    mean 14/3          2 3 3 4  mean 3
     *   values index   (4-1)*25 = 75.0     (14/3-1)*25 = 91.666 91.7   (3-1)*25 = 50.0
     *   change                             91.666 - 75 = 16.666 16.7   50 - 91.666 = -41.666 -41.7
     * SAFE_ATMOSPHERE  4 4 4  mean 4       5 5 5    mean 5             3 3 4 4  mean 3.5
     *   TRUST index    75.0                100.0                       62.5
     *   change                             +25.0                       -37.5
     * HOPE             3 3 3  mean 3       4 4 5    13/3 = 4.33        2 2 3 5  mean 3
     *   change                             13/3 - 3 = 4/3 = 1.33       3 - 13/3 = -1.33
     * responses        3                   3                           4
     * range: KINDNESS 5 5 4 2 3 3 4 -> distribution [0 1 2 2 2], n 7, sum 26, mean 3.714 -> 3.71, top box 4/7 0.571
     *        HOPE     4 4 5 2 2 3 5 -> distribution [0 2 1 2 2], n 7, sum 25, mean 3.571 -> 3.57, top box 0.571
     * </pre>
     */
    @Test
    void trendCarriesHopeAndTheChangeFromThePeriodBefore() {
        Dashboard dashboard = Dashboard.compute("harbor", Scope.agency("harbor"),
                new DateRange(LocalDate.parse("2026-11-16"), LocalDate.parse("2026-11-29")), Granularity.WEEK,
                threeWeeks(), Frameworks.PEER_CORE_V1, new SmallCellRule(3));

        assertThat(dashboard.series()).containsExactly(
                new PeriodPoint("2026-W47", 3, 3L, false, 91.7, 100.0, 4.33, 16.7, 25.0, 1.33),
                new PeriodPoint("2026-W48", 4, 4L, false, 50.0, 62.5, 3.0, -41.7, -37.5, -1.33));
        assertThat(item(dashboard, "KINDNESS")).isEqualTo(
                new ItemScore("KINDNESS", ItemKind.VALUE, 7L, 3.71, 0.571, List.of(0L, 1L, 2L, 2L, 2L), false));
        assertThat(dashboard.hope()).isEqualTo(
                new ItemScore("HOPE", ItemKind.HOPE, 7L, 3.57, 0.571, List.of(0L, 2L, 1L, 2L, 2L), false));
        // Week 46 is read only for the change: it is not part of the range.
        assertThat(dashboard.sessions()).isEqualTo(7);
    }

    @Test
    void aHiddenPeriodBeforeLeavesTheFirstChangeEmpty() {
        // At k = 4 week 46 (3 answers) is hidden, so there is nothing to compare week 47 with; week 47 (3) and
        // week 48 (4): 47 is hidden, and 48 alone would be the range minus nothing hidden but 47, so it is too.
        Dashboard dashboard = Dashboard.compute("harbor", Scope.agency("harbor"),
                new DateRange(LocalDate.parse("2026-11-16"), LocalDate.parse("2026-11-29")), Granularity.WEEK,
                threeWeeks(), Frameworks.PEER_CORE_V1, new SmallCellRule(4));

        assertThat(dashboard.series()).extracting(PeriodPoint::valuesIndexChange).containsExactly(null, null);
        assertThat(dashboard.series()).extracting(PeriodPoint::responses).containsExactly(null, null);
        assertThat(dashboard.responses()).isEqualTo(7);
    }

    @Test
    void theFirstDayOfADailyTrendComparesWithTheDayBefore() {
        // The 15th (last day of W46) against the 16th: values 75.0 -> 91.7, change 16.7 as above.
        List<CellRollup> days = List.of(
                new CellRollup(CELL, LocalDate.parse("2026-11-15"), counts(3, tally(3, 4, 5), tally(4, 4, 4), tally(3, 3, 3))),
                new CellRollup(CELL, LocalDate.parse("2026-11-16"), counts(3, tally(5, 5, 4), tally(5, 5, 5), tally(4, 4, 5))));
        Dashboard dashboard = Dashboard.compute("harbor", Scope.agency("harbor"),
                new DateRange(LocalDate.parse("2026-11-16"), LocalDate.parse("2026-11-16")), Granularity.DAY, days,
                Frameworks.PEER_CORE_V1, new SmallCellRule(3));

        assertThat(dashboard.series()).containsExactly(
                new PeriodPoint("2026-11-16", 3, 3L, false, 91.7, 100.0, 4.33, 16.7, 25.0, 1.33));
    }

    @Test
    void fewerResponsesThanKHideTheCountAndTheRateButNotTheSessionsOrHarmReports() {
        Dashboard dashboard = compute(Granularity.WEEK, 5, List.of(rollups.get(0)));

        // Friday alone: 3 answers, 4 sessions, 150 of 200 minutes in peer work, 1 harm report.
        assertThat(dashboard.responses()).isNull();
        assertThat(dashboard.responsesSuppressed()).isTrue();
        assertThat(dashboard.responseRate()).isNull();
        assertThat(dashboard.sessions()).isEqualTo(4);
        assertThat(dashboard.peerRoleShare()).isEqualTo(0.75);
        assertThat(dashboard.harmReports()).isEqualTo(1);
    }

    @Test
    void seriesByDayListsEveryDayOfTheRange() {
        Dashboard dashboard = compute(Granularity.DAY, 5, rollups);

        assertThat(dashboard.series()).extracting(PeriodPoint::period)
                .containsExactly("2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23");
        assertThat(dashboard.series()).extracting(PeriodPoint::sessions).containsExactly(4L, 0L, 0L, 2L);
    }

    @Test
    void meansRoundToTwoDecimals() {
        Dashboard dashboard = compute(Granularity.MONTH, 3,
                List.of(new CellRollup(CELL, FRIDAY, new DayCounts(0, 0, 0, 0, 0, 0, 3,
                        Map.of("KINDNESS", tally(5, 5, 4)), tally(5, 4, 4), 0))));

        // 14 / 3 = 4.666… -> 4.67; top box 3/3.
        assertThat(item(dashboard, "KINDNESS").mean()).isEqualTo(4.67);
        assertThat(dashboard.hope().mean()).isEqualTo(4.33);
        assertThat(dashboard.series()).containsExactly(
                new PeriodPoint("2026-11", 0, 3L, false, 91.7, null, 4.33, null, null, null));
    }

    @Test
    void nothingToDivideByIsNullNotZero() {
        Dashboard dashboard = compute(Granularity.MONTH, 5, List.of());

        assertThat(dashboard.sessions()).isZero();
        assertThat(dashboard.responseRate()).isNull();
        assertThat(dashboard.peerRoleShare()).isNull();
        assertThat(dashboard.strengthsAcknowledgedRate()).isNull();
        assertThat(dashboard.recoveryFocusRate()).isNull();
        assertThat(dashboard.valuesIndex()).isNull();
        assertThat(dashboard.trustIndex()).isNull();
        assertThat(dashboard.hope().suppressed()).isTrue();
        assertThat(dashboard.signatureStrengths()).isEmpty();
        assertThat(dashboard.responses()).isNull();
        assertThat(dashboard.series()).containsExactly(hiddenWeek("2026-11", 0));
    }

    @Test
    void rollupsOutsideTheRangeAreNotCounted() {
        List<CellRollup> withOutsider = new java.util.ArrayList<>(rollups);
        withOutsider.add(new CellRollup(CELL, MONDAY.plusDays(1), new DayCounts(9, 9, 9, 9, 9, 9, 0, Map.of(), null, 0)));

        assertThat(compute(Granularity.DAY, 5, withOutsider).sessions()).isEqualTo(6);
    }

    private static PeriodPoint hiddenWeek(String period, long sessions) {
        return new PeriodPoint(period, sessions, null, true, null, null, null, null, null, null);
    }

    private static List<CellRollup> threeWeeks() {
        return List.of(
                new CellRollup(CELL, LocalDate.parse("2026-11-12"), counts(3, tally(3, 4, 5), tally(4, 4, 4), tally(3, 3, 3))),
                new CellRollup(CELL, LocalDate.parse("2026-11-18"), counts(3, tally(5, 5, 4), tally(5, 5, 5), tally(4, 4, 5))),
                new CellRollup(CELL, LocalDate.parse("2026-11-24"),
                        counts(4, tally(2, 3, 3, 4), tally(3, 3, 4, 4), tally(2, 2, 3, 5))));
    }

    private static DayCounts counts(int responses, RatingTally kindness, RatingTally safeAtmosphere, RatingTally hope) {
        return new DayCounts(responses, responses, 0, 0, 0, 0, responses,
                Map.of("KINDNESS", kindness, "SAFE_ATMOSPHERE", safeAtmosphere), hope, 0);
    }

    private static Dashboard compute(Granularity granularity, int k, List<CellRollup> rollups) {
        return Dashboard.compute("harbor", Scope.agency("harbor"), RANGE, granularity, rollups,
                Frameworks.PEER_CORE_V1, new SmallCellRule(k));
    }

    private static ItemScore item(Dashboard dashboard, String code) {
        return dashboard.items().stream().filter(item -> item.code().equals(code)).findFirst().orElseThrow();
    }

    static RatingTally tally(int... ratings) {
        RatingTally tally = RatingTally.NONE;
        for (int rating : ratings) {
            tally = tally.with(rating);
        }
        return tally;
    }
}
