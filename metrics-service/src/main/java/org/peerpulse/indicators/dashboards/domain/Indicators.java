package org.peerpulse.indicators.dashboards.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.peerpulse.contracts.FrameworkItem;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.ItemKind;
import org.peerpulse.indicators.counting.domain.Cell;
import org.peerpulse.indicators.counting.domain.CollectionMode;
import org.peerpulse.indicators.counting.domain.DayCounts;
import org.peerpulse.indicators.counting.domain.ModeCounts;
import org.peerpulse.indicators.counting.domain.RatingTally;

/**
 * The indicators of DESIGN §6 over one scope's counts in one slice of time, with what the agency's
 * {@link Disclosure} hides left out: a hidden item counts in no index and is no signature strength.
 * Everything is kept as an exact fraction until it is shown, and rounded once.
 *
 * @param hidden whether the statistic of a measure ({@link Disclosure#RESPONSES}, hope or an item) is hidden
 */
public record Indicators(DayCounts counts, List<FrameworkItem> rated, Predicate<String> hidden) {

    private static final int SIGNATURE_STRENGTHS = 3;

    public static boolean contains(Scope scope, Cell cell) {
        return switch (scope.type()) {
            case AGENCY -> cell.agencyId().equals(scope.id());
            case PROGRAM -> cell.programId().equals(scope.id());
            case SPECIALIST -> cell.specialistId().equals(scope.id());
        };
    }

    public Dashboard dashboard(String agencyId, Scope scope, DateRange range, List<PeriodPoint> series) {
        boolean responsesHidden = hidden.test(Disclosure.RESPONSES);
        return new Dashboard(agencyId, scope, range.from(), range.to(),
                counts.sessions(), counts.invitations(),
                responsesHidden ? null : counts.responses(), responsesHidden,
                responsesHidden ? null : rate(counts.responses(), counts.invitations()),
                rate(counts.peerMinutes(), counts.minutes()),
                rate(counts.sessionsWithStrengths(), counts.sessions()),
                rate(counts.recoveryFocusSessions(), counts.sessions()),
                rounded(index(ItemKind.VALUE), 1),
                rounded(index(ItemKind.PRINCIPLE), 1),
                ItemScore.of(Frameworks.HOPE_CODE, ItemKind.HOPE, counts.hope(), hidden.test(Frameworks.HOPE_CODE)),
                rated.stream().map(item -> ItemScore.of(item.code(), item.kind(), counts.item(item.code()),
                        hidden.test(item.code()))).toList(),
                counts.harmReports(),
                signatureStrengths(),
                series,
                asked(),
                byMode());
    }

    /** Forms that asked each rated item, where that is shown. */
    private Map<String, Long> asked() {
        Map<String, Long> asked = new HashMap<>();
        for (FrameworkItem item : rated) {
            if (!hidden.test(Disclosure.asked(item.code()))) {
                asked.put(item.code(), counts.asked(item.code()));
            }
        }
        return asked;
    }

    private List<ModeScores> byMode() {
        List<ModeScores> byMode = new ArrayList<>();
        for (CollectionMode mode : CollectionMode.values()) {
            ModeCounts ofMode = counts.mode(mode);
            byMode.add(new ModeScores(mode,
                    ItemScore.of(Frameworks.HOPE_CODE, ItemKind.HOPE, ofMode.hope(),
                            hidden.test(Disclosure.inMode(mode, Frameworks.HOPE_CODE))),
                    rated.stream().map(item -> ItemScore.of(item.code(), item.kind(), ofMode.item(item.code()),
                            hidden.test(Disclosure.inMode(mode, item.code())))).toList()));
        }
        return byMode;
    }

    /** This slice as a trend point, with its change from {@code before}, the period just before it. */
    PeriodPoint point(String period, Indicators before) {
        boolean responsesHidden = hidden.test(Disclosure.RESPONSES);
        Ratio values = index(ItemKind.VALUE);
        Ratio trust = index(ItemKind.PRINCIPLE);
        Ratio hope = hopeMean();
        return new PeriodPoint(period, counts.sessions(), responsesHidden ? null : counts.responses(),
                responsesHidden, rounded(values, 1), rounded(trust, 1), rounded(hope, 2),
                change(values, before.index(ItemKind.VALUE), 1),
                change(trust, before.index(ItemKind.PRINCIPLE), 1),
                change(hope, before.hopeMean(), 2));
    }

    /**
     * (mean of the shown item means − 1) ÷ 4 × 100, exactly; {@code null} when no item of the group is
     * shown.
     */
    Ratio index(ItemKind kind) {
        List<RatingTally> shown = rated.stream()
                .filter(item -> item.kind() == kind && !hidden.test(item.code()))
                .map(item -> counts.item(item.code()))
                .filter(tally -> tally.responses() > 0)
                .toList();
        if (shown.isEmpty()) {
            return null;
        }
        Ratio sumOfMeans = Ratio.of(0, 1);
        for (RatingTally tally : shown) {
            sumOfMeans = sumOfMeans.plus(Ratio.of(tally.sum(), tally.responses()));
        }
        return sumOfMeans.dividedBy(shown.size()).minus(Ratio.of(1, 1)).times(25);
    }

    Ratio hopeMean() {
        RatingTally hope = counts.hope();
        return hidden.test(Frameworks.HOPE_CODE) || hope.responses() <= 0 ? null : Ratio.of(hope.sum(), hope.responses());
    }

    private List<String> signatureStrengths() {
        // A stable sort keeps framework order among equal means.
        return rated.stream()
                .filter(item -> !hidden.test(item.code()) && counts.item(item.code()).responses() > 0)
                .sorted(Comparator.comparing((FrameworkItem item) -> mean(counts.item(item.code()))).reversed())
                .limit(SIGNATURE_STRENGTHS)
                .map(FrameworkItem::code)
                .toList();
    }

    private static Ratio mean(RatingTally tally) {
        return Ratio.of(tally.sum(), tally.responses());
    }

    private static Double change(Ratio now, Ratio before, int decimals) {
        return now == null || before == null ? null : now.minus(before).rounded(decimals);
    }

    private static Double rounded(Ratio ratio, int decimals) {
        return ratio == null ? null : ratio.rounded(decimals);
    }

    static Double rate(long part, long whole) {
        return whole == 0 ? null : Ratio.of(part, whole).rounded(3);
    }
}
