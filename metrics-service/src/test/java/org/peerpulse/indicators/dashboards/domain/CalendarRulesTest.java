package org.peerpulse.indicators.dashboards.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.peerpulse.indicators.agencies.domain.AgencyCalendar;
import org.peerpulse.indicators.agencies.domain.InMemoryAgencies;
import org.peerpulse.indicators.agencies.domain.SmallCellRule;
import org.peerpulse.indicators.counting.domain.Cell;
import org.peerpulse.indicators.counting.domain.RollupKey;

class CalendarRulesTest {

    @Test
    void periodKeys() {
        LocalDate day = LocalDate.parse("2026-11-20");
        assertThat(Granularity.DAY.periodOf(day)).isEqualTo("2026-11-20");
        assertThat(Granularity.WEEK.periodOf(day)).isEqualTo("2026-W47");
        assertThat(Granularity.MONTH.periodOf(day)).isEqualTo("2026-11");
        assertThat(Granularity.WEEK.periodOf(LocalDate.parse("2026-03-02"))).isEqualTo("2026-W10");
    }

    @Test
    void isoWeeksBelongToTheirWeekBasedYearAcrossNewYear() {
        // 2026 starts on a Thursday, so it has 53 ISO weeks; its last week runs into 2027.
        assertThat(Granularity.WEEK.periodOf(LocalDate.parse("2026-12-31"))).isEqualTo("2026-W53");
        assertThat(Granularity.WEEK.periodOf(LocalDate.parse("2027-01-03"))).isEqualTo("2026-W53");
        assertThat(Granularity.WEEK.periodOf(LocalDate.parse("2027-01-04"))).isEqualTo("2027-W01");
        // And the other way: Monday 2024-12-30 is already in week 1 of 2025.
        assertThat(Granularity.WEEK.periodOf(LocalDate.parse("2024-12-30"))).isEqualTo("2025-W01");
        assertThat(Granularity.MONTH.periodOf(LocalDate.parse("2024-12-30"))).isEqualTo("2024-12");
    }

    @Test
    void granularityIsParsedLeniantlyButStrictlyChecked() {
        assertThat(Granularity.parse(null)).isEqualTo(Granularity.DAY);
        assertThat(Granularity.parse("Week")).isEqualTo(Granularity.WEEK);
        assertThatThrownBy(() -> Granularity.parse("year")).isInstanceOf(InvalidDashboardRequest.class)
                .extracting(e -> ((InvalidDashboardRequest) e).parameter()).isEqualTo("granularity");
    }

    @Test
    void dateRangeDefaultsToTheLastThirtyDaysEndingToday() {
        LocalDate today = LocalDate.parse("2026-11-26");
        assertThat(DateRange.ofRequest(null, null, today))
                .isEqualTo(new DateRange(LocalDate.parse("2026-10-28"), today));
        assertThat(DateRange.ofRequest(null, LocalDate.parse("2026-11-30"), today))
                .isEqualTo(new DateRange(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")));
        assertThat(DateRange.ofRequest(LocalDate.parse("2026-11-01"), null, today))
                .isEqualTo(new DateRange(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")));
        assertThat(DateRange.ofRequest(null, null, today).days()).hasSize(30);
    }

    @Test
    void dateRangeIsAtMost366DaysAndNeverBackwards() {
        assertThat(new DateRange(LocalDate.parse("2026-01-01"), LocalDate.parse("2027-01-01")).days()).hasSize(366);
        assertThatThrownBy(() -> new DateRange(LocalDate.parse("2026-01-01"), LocalDate.parse("2027-01-02")))
                .isInstanceOf(InvalidDashboardRequest.class);
        assertThatThrownBy(() -> new DateRange(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-01")))
                .isInstanceOf(InvalidDashboardRequest.class)
                .extracting(e -> ((InvalidDashboardRequest) e).parameter()).isEqualTo("to");
        assertThat(new DateRange(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-02")).days()).hasSize(1);
    }

    @Test
    void aSessionCountsOnItsDayInTheAgencysZone() {
        AgencyCalendar calendar = InMemoryAgencies.inZone("harbor", ZoneId.of("America/Los_Angeles")).calendar();
        Instant lateEveningInCalifornia = Instant.parse("2026-11-21T03:30:00Z");

        assertThat(calendar.dayOf("harbor", lateEveningInCalifornia)).isEqualTo(LocalDate.parse("2026-11-20"));
        assertThat(calendar.dayOf("sunrise", lateEveningInCalifornia)).isEqualTo(LocalDate.parse("2026-11-21"));
        assertThat(calendar.today("harbor", Clock.fixed(lateEveningInCalifornia, ZoneOffset.UTC)))
                .isEqualTo(LocalDate.parse("2026-11-20"));
    }

    @Test
    void rollupIdIsReadableAndUnambiguous() {
        LocalDate day = LocalDate.parse("2026-11-20");
        assertThat(new RollupKey(new Cell("harbor", "warmline", "sp-rivera"), day).id())
                .isEqualTo("harbor|warmline|sp-rivera|2026-11-20");
        assertThat(new RollupKey(new Cell("a|b", "c", "d"), day).id())
                .isNotEqualTo(new RollupKey(new Cell("a", "b|c", "d"), day).id())
                .isEqualTo("a%7Cb|c|d|2026-11-20");
    }

    @Test
    void smallCellsAreNeverBelowThree() {
        assertThat(new SmallCellRule(5).hides(4)).isTrue();
        assertThat(new SmallCellRule(5).hides(5)).isFalse();
        assertThatThrownBy(() -> new SmallCellRule(2)).isInstanceOf(IllegalArgumentException.class);
    }
}
