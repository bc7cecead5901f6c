package org.peerpulse.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A versioned question set: the items a form may ask, their kind and their wording per language.
 *
 * @param maxValueItemsPerForm how many {@link ItemKind#VALUE} items one form asks when the agency rotates
 *     them; {@code 0} asks every item
 * @param scale the words at both ends of the 1–5 scale, by language
 */
public record QualityFramework(
        String id,
        int version,
        int maxValueItemsPerForm,
        List<FrameworkItem> items,
        Map<String, ScaleLabels> scale) {

    public QualityFramework {
        FrameworkRef.requireText(id, "id");
        items = List.copyOf(items);
        scale = Map.copyOf(scale);
    }

    public FrameworkRef ref() {
        return new FrameworkRef(id, version);
    }

    public Optional<FrameworkItem> item(String code) {
        return items.stream().filter(item -> item.code().equals(code)).findFirst();
    }

    public List<FrameworkItem> itemsOfKind(ItemKind kind) {
        return items.stream().filter(item -> item.kind() == kind).toList();
    }

    /** Words shown under 1 and under 5. */
    public record ScaleLabels(String lowest, String highest) {
    }
}
