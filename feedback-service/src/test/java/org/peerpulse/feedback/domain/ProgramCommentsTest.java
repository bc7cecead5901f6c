package org.peerpulse.feedback.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.peerpulse.feedback.domain.ProgramComments.Withheld;

class ProgramCommentsTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** 10 December 2026, 09:00 in New York: November has ended, December has not. */
    private static final Instant NOW = LocalDateTime.of(2026, 12, 10, 9, 0).atZone(NEW_YORK).toInstant();

    /**
     * Comments given from August to December: August 9, September 7, October 8, November 12, December 10, spread
     * over every day of each month, the first and the last hour included.
     */
    private static final List<GivenComment> GIVEN = given(Map.of(
            YearMonth.of(2026, 8), 9, YearMonth.of(2026, 9), 7, YearMonth.of(2026, 10), 8,
            YearMonth.of(2026, 11), 12, YearMonth.of(2026, 12), 10));

    @Test
    void aMonthWithSevenCommentsShowsNone() {
        ProgramComments september = read(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30));

        assertThat(september.periods()).singleElement().satisfies(period -> {
            assertThat(period.month()).isEqualTo(YearMonth.of(2026, 9));
            assertThat(period.withheld()).isEqualTo(Withheld.FEWER_THAN_MINIMUM);
            assertThat(period.comments()).isEmpty();
        });
        assertThat(september.released()).isEmpty();
        assertThat(september.minimum()).isEqualTo(8);
        assertThat(september.toString()).doesNotContain("comment");
    }

    @Test
    void aMonthIsReleasedWholeInAlphabeticalOrderOnceItHasEnded() {
        List<GivenComment> october = List.of("h", "b", "g", "a", "f", "c", "e", "d").stream()
                .map(text -> new GivenComment(at(LocalDate.of(2026, 10, 1 + text.charAt(0) - 'a')), text)).toList();

        ProgramComments shown = ProgramComments.of(october, LocalDate.of(2026, 10, 15), LocalDate.of(2026, 10, 15),
                NEW_YORK, NOW);

        assertThat(shown.periods()).singleElement().satisfies(period -> {
            assertThat(period.isReleased()).isTrue();
            assertThat(period.first()).isEqualTo(LocalDate.of(2026, 10, 1));
            assertThat(period.last()).isEqualTo(LocalDate.of(2026, 10, 31));
        });
        assertThat(shown.released()).containsExactly("a", "b", "c", "d", "e", "f", "g", "h");
    }

    @Test
    void theMonthNotYetEndedIsWithheldHoweverManyItHolds() {
        ProgramComments december = read(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31));

        assertThat(december.periods()).singleElement()
                .satisfies(period -> assertThat(period.withheld()).isEqualTo(Withheld.NOT_YET_ENDED));
        // At 23:59 on 31 December in New York it is already January in UTC: the agency's calendar decides.
        Instant lastMinute = LocalDateTime.of(2026, 12, 31, 23, 59).atZone(NEW_YORK).toInstant();
        assertThat(ProgramComments.of(GIVEN, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 1), NEW_YORK,
                lastMinute).released()).isEmpty();
        assertThat(ProgramComments.of(GIVEN, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 1), NEW_YORK,
                lastMinute.plusSeconds(60)).released()).hasSize(10);
    }

    /**
     * Every range from 1 July to 31 January, and the same range with {@code from} or {@code to} one day earlier or
     * later: the comments shown change only when a whole month enters or leaves the range, and they are always
     * exactly the released months it overlaps, each whole.
     */
    @Test
    void movingADateByOneDayChangesNothingUnlessAWholeMonthEntersOrLeaves() {
        LocalDate first = LocalDate.of(2026, 7, 1);
        LocalDate last = LocalDate.of(2027, 1, 31);
        int compared = 0;
        for (LocalDate from = first; !from.isAfter(last); from = from.plusDays(1)) {
            for (LocalDate to = from; !to.isAfter(last); to = to.plusDays(1)) {
                ProgramComments shown = read(from, to);
                assertThat(shown.released()).isEqualTo(wholeReleasedMonths(from, to));
                for (LocalDate[] moved : new LocalDate[][] {{from.minusDays(1), to}, {from.plusDays(1), to},
                        {from, to.minusDays(1)}, {from, to.plusDays(1)}}) {
                    if (moved[1].isBefore(moved[0])) {
                        continue;
                    }
                    ProgramComments after = read(moved[0], moved[1]);
                    if (months(from, to).equals(months(moved[0], moved[1]))) {
                        assertThat(after).isEqualTo(shown);
                    } else {
                        assertThat(after.periods()).isNotEqualTo(shown.periods());
                    }
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(40_000);
    }

    @Test
    void commentsGivenOutsideTheMonthsAskedForAreIgnored() {
        ProgramComments october = read(LocalDate.of(2026, 10, 31), LocalDate.of(2026, 10, 31));

        assertThat(october.released()).hasSize(8).allMatch(text -> text.startsWith("2026-10"));
    }

    private static List<String> wholeReleasedMonths(LocalDate from, LocalDate to) {
        List<String> texts = new ArrayList<>();
        for (YearMonth month : months(from, to)) {
            List<String> of = GIVEN.stream().filter(comment -> YearMonth.from(comment.givenAt().atZone(NEW_YORK))
                    .equals(month)).map(GivenComment::text).sorted().toList();
            if (month.isBefore(YearMonth.of(2026, 12)) && of.size() >= 8) {
                texts.addAll(of);
            }
        }
        return texts;
    }

    private static List<YearMonth> months(LocalDate from, LocalDate to) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            months.add(month);
        }
        return months;
    }

    private static ProgramComments read(LocalDate from, LocalDate to) {
        ProgramComments.Span span = ProgramComments.spanOf(from, to, NEW_YORK);
        List<GivenComment> inSpan = GIVEN.stream().filter(comment -> !comment.givenAt().isBefore(span.from())
                && comment.givenAt().isBefore(span.until())).toList();
        return ProgramComments.of(inSpan, from, to, NEW_YORK, NOW);
    }

    private static List<GivenComment> given(Map<YearMonth, Integer> counts) {
        List<GivenComment> given = new ArrayList<>();
        counts.forEach((month, count) -> IntStream.range(0, count).forEach(i -> {
            // Spread over the month; the first at 00:00 of the 1st, the last at 23:59 of its last day.
            LocalDateTime at = i == 0 ? month.atDay(1).atStartOfDay()
                    : i == count - 1 ? month.atEndOfMonth().atTime(23, 59)
                    : month.atDay(1 + (i * (month.lengthOfMonth() - 1)) / count).atTime(12, 0);
            given.add(new GivenComment(at.atZone(NEW_YORK).toInstant(), month + " comment " + (char) ('z' - i)));
        }));
        return given;
    }

    private static Instant at(LocalDate day) {
        return day.atTime(12, 0).atZone(NEW_YORK).toInstant();
    }
}
