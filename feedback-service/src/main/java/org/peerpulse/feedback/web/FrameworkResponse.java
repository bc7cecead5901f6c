package org.peerpulse.feedback.web;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.peerpulse.contracts.ItemKind;
import org.peerpulse.contracts.QualityFramework;

/**
 * A question set as a form needs it: items in the order they are asked, their kind and their wording per
 * language, and the words at both ends of the 1–5 scale.
 */
record FrameworkResponse(String id, int version, int maxValueItemsPerForm, List<Item> items,
        Map<String, Scale> scale) {

    record Item(String code, ItemKind kind, boolean rated, Map<String, String> question) {
    }

    record Scale(String lowest, String highest) {
    }

    static FrameworkResponse of(QualityFramework framework) {
        return new FrameworkResponse(framework.id(), framework.version(), framework.maxValueItemsPerForm(),
                framework.items().stream()
                        .map(item -> new Item(item.code(), item.kind(), item.isRated(), new TreeMap<>(item.question())))
                        .toList(),
                framework.scale().entrySet().stream().collect(TreeMap::new,
                        (map, entry) -> map.put(entry.getKey(),
                                new Scale(entry.getValue().lowest(), entry.getValue().highest())),
                        TreeMap::putAll));
    }
}
