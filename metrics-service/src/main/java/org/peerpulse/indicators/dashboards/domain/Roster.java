package org.peerpulse.indicators.dashboards.domain;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who worked where in a period: the programs of an agency that had sessions, and in each the specialists
 * who logged them. It is what a quality lead drills down through; it holds ids only, no numbers.
 */
public record Roster(Map<String, List<String>> specialistsByProgram) {

    public static final Roster EMPTY = new Roster(Map.of());

    public Roster {
        Map<String, List<String>> sorted = new TreeMap<>();
        specialistsByProgram.forEach((program, specialists) -> sorted.put(program, List.copyOf(new TreeSet<>(specialists))));
        specialistsByProgram = Collections.unmodifiableMap(sorted);
    }

    public List<String> programs() {
        return List.copyOf(specialistsByProgram.keySet());
    }

    public List<String> specialistsOf(String programId) {
        return specialistsByProgram.getOrDefault(programId, List.of());
    }

    public List<String> specialists() {
        Set<String> all = new TreeSet<>();
        specialistsByProgram.values().forEach(all::addAll);
        return List.copyOf(all);
    }
}
