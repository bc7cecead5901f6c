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

    private static List<String> valuesAndPrinciples(QualityFramework framework) {
        return framework.items().stream()
                .filter(item -> item.kind() == ItemKind.VALUE || item.kind() == ItemKind.PRINCIPLE)
                .map(FrameworkItem::code)
                .toList();
    }
}
