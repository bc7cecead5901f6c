package org.peerpulse.indicators.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peerpulse.contracts.FrameworkItem;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.ItemKind;
import org.peerpulse.contracts.QualityFramework;

/**
 * The indicators of one scope over one period, computed from its day rollups only, so the cost depends
 * on the number of days and cells, never on the number of events.
 *
 * <p>Rates have three decimals, means two, indices one; a rate with nothing to divide by is {@code null}.
 * An index is ({@code mean of the group's item means} − 1) ÷ 4 × 100 over the items that are not
 * suppressed, and {@code null} when all are.
 *
 * @param hope the hope item, suppressed like any other
 * @param items the values then the TRUST principles, in framework order
 * @param signatureStrengths up to three codes of the best-scoring items that are shown, best first
 */
public record Dashboard(
        String agencyId,
        Scope scope,
        LocalDate from,
        LocalDate to,
        long sessions,
        long invitations,
        long responses,
        Double responseRate,
        Double peerRoleShare,
        Double strengthsAcknowledgedRate,
        Double recoveryFocusRate,
        Double valuesIndex,
        Double trustIndex,
        ItemScore hope,
        List<ItemScore> items,
        long harmReports,
        List<String> signatureStrengths,
        List<PeriodPoint> series) {

    private static final int SIGNATURE_STRENGTHS = 3;

    public Dashboard {
        items = List.copyOf(items);
        signatureStrengths = List.copyOf(signatureStrengths);
        series = List.copyOf(series);
    }

    public static Dashboard compute(String agencyId, Scope scope, DateRange range, Granularity granularity,
            List<DayRollup> rollups, QualityFramework framework, SmallCellRule rule) {
        DayCounts total = DayCounts.NONE;
        Map<String, DayCounts> periods = new LinkedHashMap<>();
        range.days().forEach(day -> periods.putIfAbsent(granularity.periodOf(day), DayCounts.NONE));
        for (DayRollup rollup : rollups) {
            if (rollup.day().isBefore(range.from()) || rollup.day().isAfter(range.to())) {
                continue;
            }
            total = total.plus(rollup.counts());
            periods.merge(granularity.periodOf(rollup.day()), rollup.counts(), DayCounts::plus);
        }
        List<FrameworkItem> rated = framework.items().stream()
                .filter(item -> item.kind() == ItemKind.VALUE || item.kind() == ItemKind.PRINCIPLE)
                .toList();
        DayCounts counts = total;
        List<ItemScore> items = rated.stream()
                .map(item -> ItemScore.of(item.code(), item.kind(), counts.item(item.code()), rule))
                .toList();
        List<PeriodPoint> series = periods.entrySet().stream()
                .map(period -> new PeriodPoint(period.getKey(), period.getValue().sessions(),
                        period.getValue().responses(), index(period.getValue(), rated, ItemKind.VALUE, rule),
                        index(period.getValue(), rated, ItemKind.PRINCIPLE, rule)))
                .toList();
        return new Dashboard(agencyId, scope, range.from(), range.to(),
                total.sessions(), total.invitations(), total.responses(),
                rate(total.responses(), total.invitations()),
                rate(total.peerMinutes(), total.minutes()),
                rate(total.sessionsWithStrengths(), total.sessions()),
                rate(total.recoveryFocusSessions(), total.sessions()),
                index(total, rated, ItemKind.VALUE, rule),
                index(total, rated, ItemKind.PRINCIPLE, rule),
                ItemScore.of(Frameworks.HOPE_CODE, ItemKind.HOPE, total.hope(), rule),
                items,
                total.harmReports(),
                signatureStrengths(total, rated, rule),
                series);
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : exactly(BigInteger.valueOf(part), BigInteger.valueOf(whole), 3);
    }

    /**
     * (mean of the item means − 1) ÷ 4 × 100, in exact fractions until the one final rounding: a true 63.75
     * shows as 63.8, not as the 63.7 that summing binary doubles would give.
     */
    private static Double index(DayCounts counts, List<FrameworkItem> rated, ItemKind kind, SmallCellRule rule) {
        List<RatingTally> shown = rated.stream()
                .filter(item -> item.kind() == kind)
                .map(item -> counts.item(item.code()))
                .filter(tally -> !rule.hides(tally.responses()))
                .toList();
        if (shown.isEmpty()) {
            return null;
        }
        // Sum of sum_i / n_i as one fraction numerator / denominator.
        BigInteger numerator = BigInteger.ZERO;
        BigInteger denominator = BigInteger.ONE;
        for (RatingTally tally : shown) {
            BigInteger n = BigInteger.valueOf(tally.responses());
            numerator = numerator.multiply(n).add(BigInteger.valueOf(tally.sum()).multiply(denominator));
            denominator = denominator.multiply(n);
        }
        BigInteger items = BigInteger.valueOf(shown.size());
        // (numerator / (denominator × items) − 1) × 25
        return exactly(numerator.subtract(denominator.multiply(items)).multiply(BigInteger.valueOf(25)),
                denominator.multiply(items), 1);
    }

    private static List<String> signatureStrengths(DayCounts counts, List<FrameworkItem> rated, SmallCellRule rule) {
        // A stable sort keeps framework order among equal means.
        return rated.stream()
                .filter(item -> !rule.hides(counts.item(item.code()).responses()))
                .sorted(Comparator.comparingDouble((FrameworkItem item) -> counts.item(item.code()).mean()).reversed())
                .limit(SIGNATURE_STRENGTHS)
                .map(FrameworkItem::code)
                .toList();
    }

    /** numerator ÷ denominator rounded half up to {@code decimals}, without a binary approximation first. */
    static double exactly(BigInteger numerator, BigInteger denominator, int decimals) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), decimals, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
