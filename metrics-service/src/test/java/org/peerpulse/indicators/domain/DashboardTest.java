package org.peerpulse.indicators.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.ItemKind;

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

    private final List<DayRollup> rollups = List.of(
            new DayRollup(FRIDAY, new DayCounts(4, 4, 200, 150, 2, 3, 3,
                    Map.of("KINDNESS", tally(5, 5, 4), "EMPATHY", tally(4, 3, 5), "SAFE_ATMOSPHERE", tally(5, 5, 5),
                            "GENTLENESS", tally(1, 1), "NOT_IN_FRAMEWORK", tally(1, 1, 1, 1, 1)),
                    tally(4, 4, 2), 1)),
            new DayRollup(MONDAY, new DayCounts(2, 2, 60, 60, 1, 0, 2,
                    Map.of("KINDNESS", tally(3, 4), "EMPATHY", tally(2, 5), "SAFE_ATMOSPHERE", tally(4, 4),
                            "GENTLENESS", tally(1, 1)),
                    tally(5, 3), 0)));

    @Test
    void headlineNumbers() {
        Dashboard dashboard = compute(Granularity.WEEK, 5, rollups);

        assertThat(dashboard.sessions()).isEqualTo(6);
        assertThat(dashboard.invitations()).isEqualTo(6);
        assertThat(dashboard.responses()).isEqualTo(5);
        assertThat(dashboard.responseRate()).isEqualTo(0.833);
        assertThat(dashboard.peerRoleShare()).isEqualTo(0.808);
        assertThat(dashboard.strengthsAcknowledgedRate()).isEqualTo(0.5);
        assertThat(dashboard.recoveryFocusRate()).isEqualTo(0.5);
        assertThat(dashboard.harmReports()).isEqualTo(1);
        assertThat(dashboard.valuesIndex()).isEqualTo(75.0);
        assertThat(dashboard.trustIndex()).isEqualTo(90.0);
        assertThat(dashboard.hope()).isEqualTo(new ItemScore("HOPE", ItemKind.HOPE, 5L, 3.6, 0.6, false));
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
                List.of(new DayRollup(FRIDAY, new DayCounts(5, 5, 100, 100, 0, 0, 5, items, tally(), 0))));

        assertThat(dashboard.valuesIndex()).isEqualTo(63.8);
    }

    @Test
    void itemsInFrameworkOrderWithSmallCellsSuppressed() {
        Dashboard dashboard = compute(Granularity.WEEK, 5, rollups);

        assertThat(dashboard.items()).extracting(ItemScore::code).containsExactly(
                "GIVING_BACK", "COURAGE", "KINDNESS", "CAUTION", "HELPFULNESS", "CREATIVITY", "GENTLENESS", "EMPATHY",
                "SAFE_ATMOSPHERE", "RECOVERY_FOCUS", "GENUINE_ROLE", "NO_STIGMA", "STRENGTH_BASED");
        assertThat(item(dashboard, "KINDNESS")).isEqualTo(new ItemScore("KINDNESS", ItemKind.VALUE, 5L, 4.2, 0.8, false));
        assertThat(item(dashboard, "EMPATHY")).isEqualTo(new ItemScore("EMPATHY", ItemKind.VALUE, 5L, 3.8, 0.6, false));
        assertThat(item(dashboard, "SAFE_ATMOSPHERE"))
                .isEqualTo(new ItemScore("SAFE_ATMOSPHERE", ItemKind.PRINCIPLE, 5L, 4.6, 1.0, false));
        // Four answers: the count is hidden too, and the all-1 answers do not pull the index down.
        assertThat(item(dashboard, "GENTLENESS"))
                .isEqualTo(new ItemScore("GENTLENESS", ItemKind.VALUE, null, null, null, true));
        assertThat(item(dashboard, "COURAGE")).isEqualTo(new ItemScore("COURAGE", ItemKind.VALUE, null, null, null, true));
    }

    @Test
    void seriesByIsoWeekSuppressesEachPeriodOnItsOwn() {
        Dashboard dashboard = compute(Granularity.WEEK, 5, rollups);

        // Week 47 has 3 answers per item, week 48 has 2: below k = 5 in each, so no index per week.
        assertThat(dashboard.series()).containsExactly(
                new PeriodPoint("2026-W47", 4, 3, null, null),
                new PeriodPoint("2026-W48", 2, 2, null, null));
    }

    @Test
    void seriesIndicesAtTheLowestAllowedCellSize() {
        Dashboard dashboard = compute(Granularity.WEEK, 3, rollups);

        // Week 47 at k = 3: KINDNESS 14/3, EMPATHY 12/3 = 4, GENTLENESS (2 answers) left out;
        // values = ((14/3 + 4) / 2 - 1) / 4 * 100 = 83.33 -> 83.3; SAFE_ATMOSPHERE 5 -> 100.0.
        assertThat(dashboard.series()).containsExactly(
                new PeriodPoint("2026-W47", 4, 3, 83.3, 100.0),
                new PeriodPoint("2026-W48", 2, 2, null, null));
        // Over the whole range GENTLENESS has 4 answers, all 1: values = ((4.2 + 3.8 + 1) / 3 - 1) / 4 * 100 = 50.0.
        assertThat(dashboard.valuesIndex()).isEqualTo(50.0);
        assertThat(item(dashboard, "GENTLENESS"))
                .isEqualTo(new ItemScore("GENTLENESS", ItemKind.VALUE, 4L, 1.0, 0.0, false));
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
                List.of(new DayRollup(FRIDAY, new DayCounts(0, 0, 0, 0, 0, 0, 3,
                        Map.of("KINDNESS", tally(5, 5, 4)), tally(5, 4, 4), 0))));

        // 14 / 3 = 4.666… -> 4.67; top box 3/3.
        assertThat(item(dashboard, "KINDNESS").mean()).isEqualTo(4.67);
        assertThat(dashboard.hope().mean()).isEqualTo(4.33);
        assertThat(dashboard.series()).containsExactly(new PeriodPoint("2026-11", 0, 3, 91.7, null));
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
        assertThat(dashboard.series()).containsExactly(new PeriodPoint("2026-11", 0, 0, null, null));
    }

    @Test
    void rollupsOutsideTheRangeAreNotCounted() {
        List<DayRollup> withOutsider = new java.util.ArrayList<>(rollups);
        withOutsider.add(new DayRollup(MONDAY.plusDays(1), new DayCounts(9, 9, 9, 9, 9, 9, 0, Map.of(), null, 0)));

        assertThat(compute(Granularity.DAY, 5, withOutsider).sessions()).isEqualTo(6);
    }

    private static Dashboard compute(Granularity granularity, int k, List<DayRollup> rollups) {
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
