package org.peerpulse.indicators.export.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.indicators.agencies.domain.AgencySettings;
import org.peerpulse.indicators.agencies.domain.SmallCellRule;
import org.peerpulse.indicators.counting.domain.Cell;
import org.peerpulse.indicators.counting.domain.CellRollup;
import org.peerpulse.indicators.counting.domain.DayCounts;
import org.peerpulse.indicators.counting.domain.RatingTally;
import org.peerpulse.indicators.dashboards.domain.Dashboard;
import org.peerpulse.indicators.dashboards.domain.DateRange;
import org.peerpulse.indicators.dashboards.domain.ItemScore;

/**
 * <pre>
 * harbor, export k = 11, "recovery-house" under 42 CFR Part 2; KINDNESS (and hope) answers per program:
 *   warmline        20 x 4 = 80
 *   navigation      12 x 5 = 60
 *   outreach         8 x 3 = 24   &lt;- fewer than 11: hidden
 *   recovery-house  30 x 1 = 30   &lt;- Part 2: never exported, not even inside the agency row
 * agency row: 40 answers, 164 / 40 = 4.1 (with Part 2 it would be 70 answers, 194 / 70 = 2.77)
 * agency 164 - warmline 80 - navigation 60 would be outreach's 24 / 8: navigation (12, the fewest shown) is
 * hidden too, leaving outreach + navigation = 20 answers, 84 / 20 = 4.2, nobody's own mean.
 * </pre>
 */
class IndicatorExportTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-20");

    @Test
    void part2ProgramsAreLeftOutOfEveryRowAndAHiddenProgramIsNotTheTotalMinusTheOthers() {
        AgencySettings settings = new AgencySettings(ZoneOffset.UTC, new SmallCellRule(5), new SmallCellRule(11),
                Set.of("recovery-house"), null, null);
        IndicatorExport export = IndicatorExport.of("harbor", new DateRange(DAY, DAY), List.of(
                cell("warmline", 20, 4), cell("navigation", 12, 5), cell("outreach", 8, 3),
                cell("recovery-house", 30, 1)), Frameworks.PEER_CORE_V1, settings);

        assertThat(export.minCellSize()).isEqualTo(11);
        assertThat(export.rows()).extracting(row -> row.scope().id())
                .containsExactly("harbor", "navigation", "outreach", "warmline");
        Dashboard agency = export.rows().get(0);
        assertThat(agency.sessions()).isEqualTo(40);
        assertThat(agency.responses()).isEqualTo(40);
        assertThat(kindness(agency).mean()).isEqualTo(4.1);
        assertThat(agency.hope().mean()).isEqualTo(4.1);
        assertThat(export.rows().get(1).responses()).isNull();
        assertThat(kindness(export.rows().get(1)).suppressed()).isTrue();
        assertThat(kindness(export.rows().get(2)).suppressed()).isTrue();
        assertThat(export.rows().get(1).sessions()).isEqualTo(12);
        assertThat(kindness(export.rows().get(3)).mean()).isEqualTo(4.0);
        assertThat(export.itemCodes()).hasSize(13).startsWith("GIVING_BACK").endsWith("STRENGTH_BASED");
    }

    private static CellRollup cell(String program, int answers, int rating) {
        RatingTally tally = RatingTally.NONE;
        for (int i = 0; i < answers; i++) {
            tally = tally.with(rating);
        }
        return new CellRollup(new Cell("harbor", program, "sp-" + program), DAY,
                new DayCounts(answers, answers, 10, 10, 0, 0, answers, Map.of("KINDNESS", tally), tally, 0));
    }

    private static ItemScore kindness(Dashboard dashboard) {
        return dashboard.items().stream().filter(item -> item.code().equals("KINDNESS")).findFirst().orElseThrow();
    }
}
