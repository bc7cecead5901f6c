package org.peerpulse.indicators.learning.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

import org.peerpulse.indicators.agencies.domain.SmallCellRule;
import org.peerpulse.indicators.dashboards.domain.DateRange;

/**
 * When a specialist's learning view may move: at most once a calendar week (Monday to Sunday in the
 * agency's zone), and only once at least {@code k} answers arrived since the last release, k being the
 * agency's dashboard cell size. A number that moves then moves by a batch of at least k answers at a
 * time nobody chose, so the specialist cannot tie a change to one participant's visit.
 */
public final class LearningReleaseRule {

    private LearningReleaseRule() {
    }

    /** The Monday of the week {@code day} falls in. */
    public static LocalDate weekOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /**
     * The days a release made in {@code week} covers: the 366 days that ended the Sunday before, so what it
     * holds depends on the week only, not on the moment someone first read it.
     */
    public static DateRange windowOf(LocalDate week) {
        return new DateRange(week.minusDays(DateRange.MAX_DAYS), week.minusDays(1));
    }

    /**
     * Whether a new release is due in {@code week}, given the last one and the answers in this week's window.
     * Answers that left the window since the last release count against the new ones, which can only delay a
     * release, never hasten it.
     */
    public static boolean due(Optional<LearningRelease> last, LocalDate week, long answersNow, SmallCellRule rule) {
        long before = last.map(LearningRelease::answersCounted).orElse(0L);
        if (last.isPresent() && !last.get().week().isBefore(week)) {
            return false;
        }
        return answersNow - before >= rule.k();
    }
}
