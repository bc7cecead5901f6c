package org.peerpulse.indicators.counting.domain;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.peerpulse.contracts.FrameworkItem;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.ItemKind;
import org.peerpulse.contracts.QualityFramework;

/**
 * Which rated items (values and principles) a participant's form asked. An answer names them since forms
 * rotate; one written before that names none, and its form asked every value and principle of its framework.
 */
public final class AskedItems {

    /** Per framework id and version, every value and principle code, in framework order. */
    private static final Map<String, List<String>> EVERY_ITEM = new ConcurrentHashMap<>();
    /** Lists of items asked seen so far, each with its count of one form; bounded, as a list comes from an event. */
    private static final Map<List<String>, Map<String, Long>> ONCE = new ConcurrentHashMap<>();
    private static final int KEPT_LISTS = 4096;

    private AskedItems() {
    }

    /**
     * @param listed the answer's {@code itemsAsked}; empty for an answer from before rotation
     * @return {@code listed}, or when it is empty every value and principle of the framework; empty when the
     *     framework is one this version does not know (the answer's own ratings then stand for what it asked)
     */
    public static List<String> of(String frameworkId, Integer version, List<String> listed) {
        if (listed != null && !listed.isEmpty()) {
            return listed;
        }
        if (frameworkId == null || version == null) {
            return List.of();
        }
        return EVERY_ITEM.computeIfAbsent(frameworkId + '@' + version, key -> Frameworks.find(frameworkId, version)
                .map(AskedItems::valuesAndPrinciples)
                .orElse(List.of()));
    }

    /**
     * One form's count per item of {@code codes}: 1 each, as an immutable map. Rotation makes few distinct lists
     * (which value items a form asks), so they are kept, and an answer does not build the same map again.
     */
    static Map<String, Long> once(List<String> codes) {
        Map<String, Long> known = ONCE.get(codes);
        if (known != null) {
            return known;
        }
        Map<String, Long> counted = new java.util.HashMap<>();
        codes.forEach(code -> counted.put(code, 1L));
        Map<String, Long> once = Map.copyOf(counted);
        if (ONCE.size() < KEPT_LISTS) {
            ONCE.putIfAbsent(List.copyOf(codes), once);
        }
        return once;
    }

    private static List<String> valuesAndPrinciples(QualityFramework framework) {
        return framework.items().stream()
                .filter(item -> item.kind() == ItemKind.VALUE || item.kind() == ItemKind.PRINCIPLE)
                .map(FrameworkItem::code)
                .toList();
    }
}
