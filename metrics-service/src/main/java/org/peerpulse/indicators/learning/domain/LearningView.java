package org.peerpulse.indicators.learning.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.peerpulse.indicators.dashboards.domain.Dashboard;
import org.peerpulse.indicators.dashboards.domain.ItemScore;

/**
 * What a specialist may learn from their participants' answers: strengths first, then every item from the
 * strongest down, hope and how many answered, each hidden as the agency's dashboards hide it. It carries no
 * harm reports, comments or alerts: those are the quality lead's duty of care, never the specialist's.
 *
 * @param from first session day the view covers
 * @param to last session day the view covers
 * @param responses answers in the view; {@code null} when the dashboards would hide the count
 * @param signatureStrengths the best-scoring shown items, best first
 * @param items every rated item, shown ones from the highest mean down, hidden ones last
 * @param reflectionGap per value the specialist said they practiced, most practiced first; empty in a release
 *     stored before the gap was kept, which shows none
 */
public record LearningView(LocalDate from, LocalDate to, Long responses, List<String> signatureStrengths,
        List<ItemScore> items, ItemScore hope, List<ValueReflection> reflectionGap) {

    private static final Comparator<ItemScore> STRONGEST_FIRST = Comparator
            .comparing((ItemScore item) -> item.mean() == null)
            .thenComparing(item -> item.mean() == null ? 0.0 : -item.mean())
            .thenComparing(item -> item.topBoxRate() == null ? 0.0 : -item.topBoxRate());

    public LearningView {
        signatureStrengths = List.copyOf(signatureStrengths);
        items = List.copyOf(items);
        reflectionGap = reflectionGap == null ? List.of() : List.copyOf(reflectionGap);
    }

    /** The specialist's part of their own dashboard, re-ordered strengths first, with their reflection gap. */
    public static LearningView of(Dashboard dashboard, List<ValueReflection> reflectionGap) {
        List<ItemScore> items = new ArrayList<>(dashboard.items());
        items.sort(STRONGEST_FIRST);
        return new LearningView(dashboard.from(), dashboard.to(), dashboard.responses(),
                dashboard.signatureStrengths(), items, dashboard.hope(), reflectionGap);
    }
}
