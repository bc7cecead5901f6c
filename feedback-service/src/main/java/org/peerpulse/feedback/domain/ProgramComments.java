package org.peerpulse.feedback.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a quality lead may read of a program's comments, released in fixed periods so that no choice of dates can
 * single one out. A period is a calendar month of the agency's time zone in which comments were <em>given</em>:
 * once it has ended, no comment can ever enter it again (a comment is given now, never in the past), so what it
 * holds is final. It is released whole, only once it has ended and only when it holds at least {@link #MINIMUM}
 * comments; a request for any dates gets every released period that overlaps them, whole, so moving a date by a
 * day changes the answer only when a whole period enters or leaves it. The texts of a period are in alphabetical
 * order, never in the order they were given, which could be matched to sessions; a withheld period says why,
 * and never how many it holds.
 *
 * @param periods every month that overlaps the dates asked for, in calendar order
 */
public record ProgramComments(ZoneId zone, int minimum, List<Period> periods) {

    public static final int MINIMUM = 8;

    public ProgramComments {
        Objects.requireNonNull(zone, "zone is required");
        periods = List.copyOf(periods);
    }

    /**
     * The instants a read of {@code [from, to]} needs the comments of: from the start of {@code from}'s month to
     * the end of {@code to}'s, in {@code zone}, because only whole periods are shown.
     */
    public static Span spanOf(LocalDate from, LocalDate to, ZoneId zone) {
        return new Span(YearMonth.from(from).atDay(1).atStartOfDay(zone).toInstant(),
                YearMonth.from(to).plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
    }

    /**
     * The periods that overlap {@code [from, to]}, as they stand at {@code now}.
     *
     * @param given the comments given within {@link #spanOf} of the same dates (others are ignored)
     */
    public static ProgramComments of(List<GivenComment> given, LocalDate from, LocalDate to, ZoneId zone,
            Instant now) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to must not be before from");
        }
        Map<YearMonth, List<String>> byMonth = new LinkedHashMap<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            byMonth.put(month, new ArrayList<>());
        }
        for (GivenComment comment : given) {
            List<String> texts = byMonth.get(YearMonth.from(comment.givenAt().atZone(zone)));
            if (texts != null) {
                texts.add(comment.text());
            }
        }
        YearMonth current = YearMonth.from(now.atZone(zone));
        List<Period> periods = new ArrayList<>();
        byMonth.forEach((month, texts) -> {
            if (!month.isBefore(current)) {
                periods.add(new Period(month, Withheld.NOT_YET_ENDED, List.of()));
            } else if (texts.size() < MINIMUM) {
                periods.add(new Period(month, Withheld.FEWER_THAN_MINIMUM, List.of()));
            } else {
                periods.add(new Period(month, null, texts.stream().sorted().toList()));
            }
        });
        return new ProgramComments(zone, MINIMUM, periods);
    }

    /** The texts of every released period, period after period. */
    public List<String> released() {
        return periods.stream().flatMap(period -> period.comments().stream()).toList();
    }

    @Override
    public String toString() {
        return "ProgramComments[periods=" + periods.size() + ", released=" + released().size() + "]";
    }

    /** The instants {@code [from, until)} that whole periods cover. */
    public record Span(Instant from, Instant until) {
    }

    /**
     * One month of given comments.
     *
     * @param withheld why it is not shown, or {@code null} when it is released
     * @param comments its texts in alphabetical order when released, else none
     */
    public record Period(YearMonth month, Withheld withheld, List<String> comments) {

        public Period {
            Objects.requireNonNull(month, "month is required");
            comments = List.copyOf(comments);
            if (withheld != null && !comments.isEmpty()) {
                throw new IllegalArgumentException("a withheld period shows no comment");
            }
        }

        public boolean isReleased() {
            return withheld == null;
        }

        public LocalDate first() {
            return month.atDay(1);
        }

        public LocalDate last() {
            return month.atEndOfMonth();
        }

        @Override
        public String toString() {
            return "Period[" + month + ", withheld=" + withheld + ", comments=" + comments.size() + "]";
        }
    }

    /** Why a period is not shown. */
    public enum Withheld {
        /** The month is not over: comments may still be given in it. */
        NOT_YET_ENDED,
        /** Fewer than {@link #MINIMUM} comments were given in it: one could point at a participant. */
        FEWER_THAN_MINIMUM
    }
}
