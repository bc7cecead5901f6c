package org.peerpulse.indicators.alerts.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A fall of a scope's figures against the period before, as PCOMS flags a falling alliance score: an item mean
 * (a value, a TRUST principle or hope, 1–5) down by {@link #ITEM_DROP} or more, or the values or TRUST index
 * (0–100) down by {@link #INDEX_DROP} or more. Both sides must rest on at least k answers (the agency's
 * dashboard k) and be shown on the dashboard: a suppressed statistic never alerts, since an alert must not
 * reveal what the dashboard hides.
 *
 * @param item the item's code for {@link AlertKind#ITEM_MEAN_FELL}; {@code null} for an index
 */
public record Fall(AlertKind kind, String item, double previous, double current) {

    /** One point on the 1–5 scale. */
    public static final double ITEM_DROP = 1.0;
    /** Ten points on the 0–100 index scale. */
    public static final double INDEX_DROP = 10.0;
    /** Means have two decimals and indices one: a fall of exactly the threshold must not be lost to binary. */
    private static final double ROUNDING = 1e-9;

    public Fall {
        Objects.requireNonNull(kind, "kind");
        if (!kind.isFall() || (kind == AlertKind.ITEM_MEAN_FELL) != (item != null)) {
            throw new IllegalArgumentException("a fall is of an item (with its code) or an index (without)");
        }
    }

    /**
     * A scope's figures over one period, as its dashboard shows them.
     *
     * @param responses the scope's answers; {@code null} when the dashboard hides the count
     * @param valuesIndex {@code null} when hidden
     * @param trustIndex {@code null} when hidden
     * @param items the item means shown, by code (hidden ones are left out)
     */
    public record Figures(Long responses, Double valuesIndex, Double trustIndex, Map<String, ItemMean> items) {

        public Figures {
            items = Map.copyOf(items);
        }
    }

    /** One item's mean (1–5) on {@code responses} answers. */
    public record ItemMean(long responses, double mean) {
    }

    /** The falls from {@code before} to {@code now} with at least {@code k} answers on both sides: indices, then items by code. */
    public static List<Fall> between(Figures before, Figures now, int k) {
        List<Fall> falls = new ArrayList<>();
        if (enough(before.responses(), k) && enough(now.responses(), k)) {
            index(AlertKind.VALUES_INDEX_FELL, before.valuesIndex(), now.valuesIndex(), falls);
            index(AlertKind.TRUST_INDEX_FELL, before.trustIndex(), now.trustIndex(), falls);
        }
        new TreeMap<>(now.items()).forEach((code, current) -> {
            ItemMean previous = before.items().get(code);
            if (previous != null && previous.responses() >= k && current.responses() >= k
                    && previous.mean() - current.mean() >= ITEM_DROP - ROUNDING) {
                falls.add(new Fall(AlertKind.ITEM_MEAN_FELL, code, previous.mean(), current.mean()));
            }
        });
        return falls;
    }

    /**
     * The one id this fall's alert can have in that scope and period: any number of checks, on any number of
     * instances, name the same alert, so a scope alerts on one fall at most once per period.
     *
     * @param scope {@code program} or {@code specialist}
     * @param period the number of the period the check falls in (see {@code WatchFalls})
     */
    public UUID alertId(String agencyId, String scope, String scopeId, long period) {
        String name = String.join("|", "fall", encode(agencyId), scope, encode(scopeId), kind.name(),
                item == null ? "" : encode(item), Long.toString(period));
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private static void index(AlertKind kind, Double previous, Double current, List<Fall> falls) {
        if (previous != null && current != null && previous - current >= INDEX_DROP - ROUNDING) {
            falls.add(new Fall(kind, null, previous, current));
        }
    }

    private static boolean enough(Long responses, int k) {
        return responses != null && responses >= k;
    }

    private static String encode(String part) {
        return part.replace("%", "%25").replace("|", "%7C");
    }
}
