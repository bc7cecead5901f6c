package org.peerpulse.feedback.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.peerpulse.contracts.FrameworkItem;
import org.peerpulse.contracts.ItemKind;
import org.peerpulse.contracts.QualityFramework;

/**
 * Which value items a form asks when an agency keeps its forms short (DESIGN §2): each form asks
 * {@code perForm} of the framework's value items, the next ones in a round that goes through the value items in
 * the framework's order and starts again at the first; the principles, hope and the do-no-harm question are
 * always asked.
 *
 * <p>The round is counted in item slots, not in forms: the agency's cursor moves on by {@code perForm} for each
 * form, and a form takes the {@code perForm} slots from where it stood. So over any run of an agency's forms each
 * value item is asked as often as any other, give or take one, even across a change of {@code perForm}.
 *
 * @param perForm how many value items one form asks, at least 1 and fewer than the framework has
 */
public record ValueRotation(int perForm) {

    public ValueRotation {
        if (perForm < 1) {
            throw new IllegalArgumentException("a rotating form asks at least one value item");
        }
    }

    /**
     * The form an agency's setting asks for under {@code framework}: a rotation of {@code valueItemsPerForm},
     * or none (every item) when the setting is {@code null}, below 1 or not fewer than the framework's value items.
     */
    public static Optional<ValueRotation> of(Integer valueItemsPerForm, QualityFramework framework) {
        if (valueItemsPerForm == null || valueItemsPerForm < 1
                || valueItemsPerForm >= framework.itemsOfKind(ItemKind.VALUE).size()) {
            return Optional.empty();
        }
        return Optional.of(new ValueRotation(valueItemsPerForm));
    }

    /**
     * What a form asks that takes the slots from {@code slot} on: {@code perForm} value items, then every principle,
     * in the framework's order.
     */
    public List<String> itemsAsked(QualityFramework framework, long slot) {
        List<FrameworkItem> values = framework.itemsOfKind(ItemKind.VALUE);
        if (perForm >= values.size()) {
            throw new IllegalArgumentException("a rotation asks fewer value items than the framework has");
        }
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < perForm; i++) {
            asked.add(values.get((int) Math.floorMod(slot + i, (long) values.size())).code());
        }
        framework.itemsOfKind(ItemKind.PRINCIPLE).forEach(item -> asked.add(item.code()));
        return List.copyOf(asked);
    }

    /** Every value and principle item, in the framework's order: what a form asks without rotation. */
    public static List<String> everyItem(QualityFramework framework) {
        List<String> asked = new ArrayList<>();
        framework.itemsOfKind(ItemKind.VALUE).forEach(item -> asked.add(item.code()));
        framework.itemsOfKind(ItemKind.PRINCIPLE).forEach(item -> asked.add(item.code()));
        return List.copyOf(asked);
    }
}
