package org.peerpulse.indicators.learning.web;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.peerpulse.contracts.ItemKind;
import org.peerpulse.indicators.dashboards.domain.ItemScore;
import org.peerpulse.indicators.learning.application.LearningAnswer;
import org.peerpulse.indicators.learning.domain.LearningRelease;
import org.peerpulse.indicators.learning.domain.LearningView;
import org.peerpulse.indicators.learning.domain.ValueReflection;

/**
 * The learning page as its template reads it: only what the newest release holds (decision 0008), every
 * number already written in the page's language, strengths first. A figure the release withholds (fewer
 * than k answers) is a row marked {@code withheld}, with no number in it at all, so the page can only say
 * "not enough answers yet". Nothing here can hold a harm report, a comment or an alert: the release has none.
 *
 * @param released whether there is any release yet; before the first, every list is empty
 * @param releasedOn the Monday of the release's week, the day the numbers last changed
 * @param nextReleaseNotBefore the earliest Monday the numbers can change again
 * @param answers how many answers the release rests on, {@code null} when withheld
 * @param reflectionGap per value the specialist said they practiced, most practiced first; empty for a release
 *     stored before the gap was kept
 */
record LearningPageView(
        String name,
        boolean released,
        LocalDate from,
        LocalDate to,
        LocalDate releasedOn,
        LocalDate nextReleaseNotBefore,
        int k,
        String answers,
        List<Row> strengths,
        List<Row> values,
        List<Row> principles,
        Row hope,
        List<GapRow> reflectionGap) {

    /**
     * One value of the reflection gap: {@code sessions} the specialist said they practiced it in, and the two
     * means in the page's language, or both {@code null} and {@code withheld}.
     */
    record GapRow(String code, long sessions, String meanWhenPracticed, String meanOtherwise, boolean withheld) {
    }

    /**
     * One item of the framework: {@code mean} on the 1–5 scale and {@code topBox} (share of 4s and 5s) in the
     * page's language, or both {@code null} and {@code withheld}.
     */
    record Row(String code, String mean, Double meter, String topBox, boolean withheld) {
    }

    static LearningPageView of(SignedInSpecialist specialist, LearningAnswer answer, Locale locale) {
        if (answer.release().isEmpty()) {
            return new LearningPageView(specialist.name(), false, null, null, null, answer.nextWeek(), answer.k(),
                    null, List.of(), List.of(), List.of(), null, List.of());
        }
        LearningRelease release = answer.release().get();
        LearningView view = release.view();
        List<Row> items = view.items().stream().map(item -> row(item, locale)).toList();
        List<Row> strengths = new ArrayList<>();
        for (String code : view.signatureStrengths()) {
            items.stream().filter(row -> row.code().equals(code) && !row.withheld()).findFirst()
                    .ifPresent(strengths::add);
        }
        return new LearningPageView(specialist.name(), true, view.from(), view.to(), release.week(),
                answer.nextWeek(), answer.k(),
                view.responses() == null ? null : NumberFormat.getIntegerInstance(locale).format(view.responses()),
                List.copyOf(strengths), ofKind(view, ItemKind.VALUE, locale), ofKind(view, ItemKind.PRINCIPLE, locale),
                view.hope() == null ? null : row(view.hope(), locale), gapRows(view, locale));
    }

    /** Only values the framework names, so that each has its words on the page. */
    private static List<GapRow> gapRows(LearningView view, Locale locale) {
        NumberFormat mean = oneDecimal(locale);
        List<GapRow> rows = new ArrayList<>();
        for (ValueReflection value : view.reflectionGap()) {
            boolean named = view.items().stream()
                    .anyMatch(item -> item.code().equals(value.code()) && item.kind() == ItemKind.VALUE);
            if (!named) {
                continue;
            }
            rows.add(value.withheld() ? new GapRow(value.code(), value.practicedSessions(), null, null, true)
                    : new GapRow(value.code(), value.practicedSessions(), mean.format(value.meanWhenPracticed()),
                            mean.format(value.meanOtherwise()), false));
        }
        return List.copyOf(rows);
    }

    private static NumberFormat oneDecimal(Locale locale) {
        NumberFormat mean = NumberFormat.getNumberInstance(locale);
        mean.setMinimumFractionDigits(1);
        mean.setMaximumFractionDigits(1);
        return mean;
    }

    private static List<Row> ofKind(LearningView view, ItemKind kind, Locale locale) {
        return view.items().stream().filter(item -> item.kind() == kind).map(item -> row(item, locale)).toList();
    }

    private static Row row(ItemScore item, Locale locale) {
        if (item.suppressed() || item.mean() == null) {
            return new Row(item.code(), null, null, null, true);
        }
        NumberFormat mean = oneDecimal(locale);
        NumberFormat share = NumberFormat.getPercentInstance(locale);
        return new Row(item.code(), mean.format(item.mean()), item.mean(),
                item.topBoxRate() == null ? null : share.format(item.topBoxRate()), false);
    }
}
