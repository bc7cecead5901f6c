package org.peerpulse.indicators.dashboards.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

import org.peerpulse.contracts.Frameworks;
import org.peerpulse.indicators.agencies.domain.SmallCellRule;
import org.peerpulse.indicators.counting.domain.Cell;
import org.peerpulse.indicators.counting.domain.DayCounts;

/**
 * Which statistics of one agency may be shown, decided for the whole agency at once so that every
 * dashboard (or every row of an export) hides the same things.
 *
 * <p>A statistic rests on the responses to one <em>measure</em> (the response count itself, hope, or one
 * rated item) in one <em>scope</em> (the agency, a program, a specialist) and one <em>slice</em> of time
 * (the whole range, or one period of its trend). It is hidden when:
 * <ol>
 * <li><b>primary</b>: it rests on fewer than {@code k} responses ({@code 0} included: "fewer than k");</li>
 * <li><b>complementary</b>: otherwise visible numbers would give it back by subtraction. Within one slice the
 * programs and the specialists are two ways of cutting the agency: cells (a specialist in a program) with
 * answers join them into connected groups. The sum of the hidden programs of such a group can be worked out
 * when all its specialists are shown (or when the agency and every other group are known), and likewise the
 * other way round. Whenever such a recoverable hidden sum is a single scope, or rests on fewer than
 * {@code k} responses, the shown member of the same side with the fewest responses (ties by id) is hidden
 * too, until no such sum is left. The periods of a trend cut each scope's range total the same way.</li>
 * </ol>
 * With a program total and all of its other specialists visible, a lone hidden specialist would be the
 * difference; this is exactly what the second rule takes away. What it cannot take away (answers of
 * different ranges or granularities differenced against each other) is recorded in decision 0007.
 */
public final class Disclosure {

    /** The measure of the response count of a scope. */
    public static final String RESPONSES = "RESPONSES";

    /** Per measure and slice, the scopes whose statistic is shown; anything not listed is hidden. */
    private final Map<String, Map<String, Set<Scope>>> shown;

    private Disclosure(Map<String, Map<String, Set<Scope>>> shown) {
        this.shown = shown;
    }

    /**
     * Plans the dashboards of an agency: programs and specialists, each over the range and over every slice.
     *
     * @param slices per slice key, the agency's counts per cell
     * @param range the key of the slice of the whole range
     * @param partsOfRange the slices that add up to the range (the periods of the trend)
     */
    public static Disclosure ofDashboards(String agencyId, Map<String, Map<Cell, DayCounts>> slices, String range,
            List<String> partsOfRange, Collection<String> measures, SmallCellRule rule) {
        Map<String, Map<String, Set<Scope>>> shown = new HashMap<>();
        for (String measure : measures) {
            Map<String, Table> tables = new TreeMap<>();
            Map<String, Set<Scope>> hiddenBySlice = new HashMap<>();
            slices.forEach((slice, cells) -> {
                Table table = Table.of(agencyId, cells, measure, true);
                tables.put(slice, table);
                hiddenBySlice.put(slice, table.primary(rule));
            });
            Set<Scope> scopes = new TreeSet<>(Comparator.comparing(Scope::type).thenComparing(Scope::id));
            tables.values().forEach(table -> scopes.addAll(table.counts.keySet()));
            boolean changed = true;
            while (changed) {
                changed = false;
                for (Map.Entry<String, Table> table : tables.entrySet()) {
                    changed |= table.getValue().protectAcross(hiddenBySlice.get(table.getKey()), rule);
                }
                if (tables.containsKey(range)) {
                    for (Scope scope : scopes) {
                        changed |= protectOverTime(scope, tables, hiddenBySlice, range, partsOfRange, rule);
                    }
                }
            }
            Map<String, Set<Scope>> shownBySlice = new HashMap<>();
            tables.forEach((slice, table) -> shownBySlice.put(slice, table.shown(hiddenBySlice.get(slice))));
            shown.put(measure, shownBySlice);
        }
        return new Disclosure(shown);
    }

    /**
     * Plans an export: the agency and its programs over one slice, the programs cutting the agency total;
     * specialists are not exported, so they are no second cut here.
     */
    public static Disclosure ofExport(String agencyId, Map<Cell, DayCounts> cells, String slice,
            Collection<String> measures, SmallCellRule rule) {
        Map<String, Map<String, Set<Scope>>> shown = new HashMap<>();
        for (String measure : measures) {
            Table table = Table.of(agencyId, cells, measure, false);
            Set<Scope> hiddenScopes = table.primary(rule);
            Scope agency = Scope.agency(agencyId);
            Map<Scope, Long> programs = new LinkedHashMap<>();
            table.sorted(table.programs()).forEach(program -> programs.put(program, table.count(program)));
            protectParts(() -> hiddenScopes.contains(agency), () -> hiddenScopes.add(agency), programs,
                    hiddenScopes, Comparator.comparing(Scope::id), rule);
            shown.put(measure, Map.of(slice, table.shown(hiddenScopes)));
        }
        return new Disclosure(shown);
    }

    /** Whether the statistic of {@code measure} in {@code scope} over {@code slice} is hidden. */
    public boolean hides(String measure, Scope scope, String slice) {
        // A scope or slice without any rollup rests on no responses at all: fewer than k.
        return !shown.getOrDefault(measure, Map.of()).getOrDefault(slice, Set.of()).contains(scope);
    }

    /** The count of responses a statistic of {@code measure} rests on. */
    public static long responses(DayCounts counts, String measure) {
        return switch (measure) {
            case RESPONSES -> counts.responses();
            case Frameworks.HOPE_CODE -> counts.hope().responses();
            default -> counts.item(measure).responses();
        };
    }

    private static boolean protectOverTime(Scope scope, Map<String, Table> tables,
            Map<String, Set<Scope>> hiddenBySlice, String range, List<String> partsOfRange, SmallCellRule rule) {
        Map<String, Long> periods = new LinkedHashMap<>();
        Set<String> hiddenPeriods = new HashSet<>();
        for (String part : partsOfRange) {
            Table table = tables.get(part);
            periods.put(part, table == null ? 0 : table.count(scope));
            if (table == null || hiddenBySlice.get(part).contains(scope)) {
                hiddenPeriods.add(part);
            }
        }
        Set<Scope> hiddenInRange = hiddenBySlice.get(range);
        Set<String> before = Set.copyOf(hiddenPeriods);
        boolean rangeHiddenBefore = hiddenInRange.contains(scope);
        protectParts(() -> hiddenInRange.contains(scope), () -> hiddenInRange.add(scope), periods, hiddenPeriods,
                Comparator.naturalOrder(), rule);
        boolean changed = rangeHiddenBefore != hiddenInRange.contains(scope);
        for (String part : hiddenPeriods) {
            if (!before.contains(part)) {
                hiddenBySlice.get(part).add(scope);
                changed = true;
            }
        }
        return changed;
    }

    /**
     * One cut of a whole into parts. When the whole is shown, the hidden parts together are the whole minus
     * the shown ones, so they must be at least two and rest on at least {@code k} responses: hides the shown
     * part with the fewest responses until they are, or the whole if no part is left. When the whole is
     * hidden, at least one part with answers must be hidden too, or the parts add up to it.
     */
    private static <K> void protectParts(BooleanSupplier wholeHidden, Runnable hideWhole, Map<K, Long> parts,
            Set<K> hiddenParts, Comparator<K> ties, SmallCellRule rule) {
        while (true) {
            List<K> answered = parts.keySet().stream().filter(part -> parts.get(part) > 0).toList();
            List<K> hiddenAnswered = answered.stream().filter(hiddenParts::contains).toList();
            if (wholeHidden.getAsBoolean()) {
                // A hidden whole is the sum of its parts when they are all shown.
                if (answered.isEmpty() || !hiddenAnswered.isEmpty()) {
                    return;
                }
                hiddenParts.add(fewest(answered, parts, ties));
                continue;
            }
            if (hiddenAnswered.isEmpty() || safe(hiddenAnswered, parts, rule)) {
                return;
            }
            K fewest = fewest(answered.stream().filter(part -> !hiddenParts.contains(part)).toList(), parts, ties);
            if (fewest == null) {
                hideWhole.run();
            } else {
                hiddenParts.add(fewest);
            }
        }
    }

    private static <K> boolean safe(List<K> hiddenAnswered, Map<K, Long> counts, SmallCellRule rule) {
        long together = hiddenAnswered.stream().mapToLong(counts::get).sum();
        return hiddenAnswered.size() >= 2 && !rule.hides(together);
    }

    private static <K> K fewest(List<K> candidates, Map<K, Long> counts, Comparator<K> ties) {
        return candidates.stream().min(Comparator.comparingLong((K key) -> counts.get(key)).thenComparing(ties))
                .orElse(null);
    }

    private static final Comparator<Scope> BY_ID = Comparator.comparing(Scope::id);

    /** One measure in one slice: the counts of the agency, its programs and specialists, and their cells. */
    private static final class Table {

        private final Scope agency;
        private final Map<Scope, Long> counts;
        /** Programs and specialists joined by a cell with answers. */
        private final Map<Scope, Set<Scope>> links;

        private Table(Scope agency, Map<Scope, Long> counts, Map<Scope, Set<Scope>> links) {
            this.agency = agency;
            this.counts = counts;
            this.links = links;
        }

        static Table of(String agencyId, Map<Cell, DayCounts> cells, String measure, boolean withSpecialists) {
            Scope agency = Scope.agency(agencyId);
            Map<Scope, Long> counts = new HashMap<>();
            Map<Scope, Set<Scope>> links = new HashMap<>();
            counts.put(agency, 0L);
            cells.forEach((cell, dayCounts) -> {
                long n = responses(dayCounts, measure);
                Scope program = Scope.program(cell.programId());
                counts.merge(agency, n, Long::sum);
                counts.merge(program, n, Long::sum);
                if (withSpecialists) {
                    Scope specialist = Scope.specialist(cell.specialistId());
                    counts.merge(specialist, n, Long::sum);
                    if (n > 0) {
                        links.computeIfAbsent(program, key -> new HashSet<>()).add(specialist);
                        links.computeIfAbsent(specialist, key -> new HashSet<>()).add(program);
                    }
                }
            });
            return new Table(agency, counts, links);
        }

        long count(Scope scope) {
            return counts.getOrDefault(scope, 0L);
        }

        List<Scope> programs() {
            return counts.keySet().stream().filter(scope -> scope.type() == Scope.Type.PROGRAM).toList();
        }

        List<Scope> sorted(Collection<Scope> scopes) {
            return scopes.stream().sorted(Comparator.comparing(Scope::type).thenComparing(Scope::id)).toList();
        }

        Set<Scope> shown(Set<Scope> hidden) {
            Set<Scope> shown = new HashSet<>(counts.keySet());
            shown.removeAll(hidden);
            return shown;
        }

        Set<Scope> primary(SmallCellRule rule) {
            Set<Scope> hidden = new HashSet<>();
            counts.forEach((scope, n) -> {
                if (rule.hides(n)) {
                    hidden.add(scope);
                }
            });
            return hidden;
        }

        /**
         * The two cuts of this slice (programs, specialists), group by connected group, until no hidden sum
         * that can be worked out is a single scope or rests on fewer than k responses.
         */
        boolean protectAcross(Set<Scope> hidden, SmallCellRule rule) {
            List<Group> groups = groups();
            boolean changedAny = false;
            boolean changed = true;
            while (changed) {
                changed = false;
                for (Group group : groups) {
                    for (Scope.Type side : List.of(Scope.Type.PROGRAM, Scope.Type.SPECIALIST)) {
                        List<Scope> members = group.side(side);
                        List<Scope> hiddenMembers = members.stream().filter(hidden::contains).toList();
                        if (hiddenMembers.isEmpty() || safe(hiddenMembers, counts, rule)
                                || !sumRecoverable(group, side, groups, hidden)) {
                            continue;
                        }
                        Scope pick = fewest(visible(members, hidden), counts, BY_ID);
                        if (pick == null && visible(group.other(side), hidden).size() == group.other(side).size()) {
                            pick = fewest(visible(group.other(side), hidden), counts, BY_ID);
                        }
                        if (pick == null) {
                            pick = fewest(groups.stream().filter(other -> other != group && other.known(hidden))
                                    .flatMap(other -> visible(other.side(side), hidden).stream()).toList(), counts, BY_ID);
                        }
                        if (pick == null && !hidden.contains(agency)) {
                            // Nothing else to hide: the slice's agency total would give the group back.
                            pick = agency;
                        }
                        if (pick != null) {
                            hidden.add(pick);
                            changed = true;
                            changedAny = true;
                        }
                    }
                }
            }
            return changedAny;
        }

        /** The sum of a group's side is its other side's sum, or the agency minus every other group. */
        private boolean sumRecoverable(Group group, Scope.Type side, List<Group> groups, Set<Scope> hidden) {
            if (hidden.stream().noneMatch(group.other(side)::contains)) {
                return true;
            }
            return !hidden.contains(agency)
                    && groups.stream().filter(other -> other != group).allMatch(other -> other.known(hidden));
        }

        private static List<Scope> visible(List<Scope> scopes, Set<Scope> hidden) {
            return scopes.stream().filter(scope -> !hidden.contains(scope)).toList();
        }

        /** Programs and specialists with answers, in connected groups, in a stable order. */
        private List<Group> groups() {
            Set<Scope> seen = new HashSet<>();
            List<Group> groups = new ArrayList<>();
            for (Scope start : sorted(links.keySet())) {
                if (!seen.add(start)) {
                    continue;
                }
                List<Scope> members = new ArrayList<>();
                List<Scope> queue = new ArrayList<>(List.of(start));
                while (!queue.isEmpty()) {
                    Scope next = queue.remove(queue.size() - 1);
                    members.add(next);
                    for (Scope linked : links.getOrDefault(next, Set.of())) {
                        if (seen.add(linked)) {
                            queue.add(linked);
                        }
                    }
                }
                groups.add(new Group(sorted(members)));
            }
            return groups;
        }
    }

    /** Programs and specialists joined by cells with answers: the sum of either side is the same number. */
    private record Group(List<Scope> members) {

        List<Scope> side(Scope.Type type) {
            return members.stream().filter(member -> member.type() == type).toList();
        }

        List<Scope> other(Scope.Type type) {
            return side(type == Scope.Type.PROGRAM ? Scope.Type.SPECIALIST : Scope.Type.PROGRAM);
        }

        /** Its total can be worked out when one whole side is shown. */
        boolean known(Set<Scope> hidden) {
            return side(Scope.Type.PROGRAM).stream().noneMatch(hidden::contains)
                    || side(Scope.Type.SPECIALIST).stream().noneMatch(hidden::contains);
        }
    }
}
