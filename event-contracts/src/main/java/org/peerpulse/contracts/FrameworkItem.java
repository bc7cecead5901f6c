package org.peerpulse.contracts;

import java.util.Map;

/**
 * One question of a framework.
 *
 * @param question plain-language wording by language tag ({@code en}, {@code es})
 */
public record FrameworkItem(String code, ItemKind kind, Map<String, String> question) {

    public FrameworkItem {
        FrameworkRef.requireText(code, "code");
        question = Map.copyOf(question);
    }

    public boolean isRated() {
        return kind == ItemKind.VALUE || kind == ItemKind.PRINCIPLE || kind == ItemKind.HOPE;
    }
}
