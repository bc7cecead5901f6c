package org.peerpulse.indicators.dashboards.domain;

import java.time.LocalDate;
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

import org.peerpulse.contracts.FrameworkItem;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.ItemKind;
import org.peerpulse.contracts.QualityFramework;
import org.peerpulse.indicators.agencies.domain.SmallCellRule;
import org.peerpulse.indicators.counting.domain.Cell;
import org.peerpulse.indicators.counting.domain.CellRollup;
import org.peerpulse.indicators.counting.domain.DayCounts;

/**
 * The dashboards and their small-cell rule as first written (decision 0007): slices as maps of cells to
 * summed day counts, scopes in sets, every table and every scope gone through again on every pass until
 * nothing changes. Slow (a day-by-day month took tens of milliseconds), but each step reads like the
 * decision. {@link AgencyDashboards} and {@link Disclosure} work on running totals and numbered scopes
 * instead; {@code SameAnswersTest} holds them to this.
 */
final class ReferenceDashboards {

    private final String agencyId;
    private final DateRange range;
    private final List<String> periods;
    private final String previous;
    private final Map<String, Map<Cell, DayCounts>> slices;
    private final List<FrameworkItem> rated;
    final Rule decisions;

    private ReferenceDashboards(String agencyId, DateRange range, List<String> periods, String previous,
            Map<String, Map<Cell, DayCounts>> slices, List<FrameworkItem> rated, Rule decisions) {
        this.agencyId = agencyId;
        this.range = range;
        this.periods = periods;
        this.previous = previous;
        this.slices = slices;
        this.rated = rated;
        this.decisions = decisions;
    }

    static ReferenceDashboards of(String agencyId, DateRange range, Granularity granularity,
            List<CellRollup> rollups, QualityFramework framework, SmallCellRule rule) {
        Map<String, Map<Cell, DayCounts>> slices = new LinkedHashMap<>();
        slices.put(AgencyDashboards.RANGE, new HashMap<>());
        List<String> periods = new ArrayList<>();
        range.days().map(granularity::periodOf).distinct().forEach(period -> {
            periods.add(period);
            slices.put(period, new HashMap<>());
        });
        DateRange before = AgencyDashboards.periodBefore(range.from(), granularity);
        String previous = granularity.periodOf(before.from());
        slices.put(previous, new HashMap<>());
        for (CellRollup rollup : rollups) {
            if (!rollup.cell().agencyId().equals(agencyId)) {
                continue;
            }
            if (within(rollup.day(), range)) {
                slices.get(AgencyDashboards.RANGE).merge(rollup.cell(), rollup.counts(), DayCounts::plus);
                slices.get(granularity.periodOf(rollup.day())).merge(rollup.cell(), rollup.counts(), DayCounts::plus);
            } else if (within(rollup.day(), before)) {
                slices.get(previous).merge(rollup.cell(), rollup.counts(), DayCounts::plus);
            }
        }
        List<FrameworkItem> rated = framework.items().stream()
                .filter(item -> item.kind() == ItemKind.VALUE || item.kind() == ItemKind.PRINCIPLE)
                .toList();
        List<String> measures = new ArrayList<>(List.of(Disclosure.RESPONSES, Frameworks.HOPE_CODE));
        rated.forEach(item -> measures.add(item.code()));
        Rule disclosure = Rule.ofDashboards(agencyId, slices, AgencyDashboards.RANGE, periods, measures, rule);
        return new ReferenceDashboards(agencyId, range, List.copyOf(periods), previous, slices, rated, disclosure);
    }

    /** The dashboard of one scope of this agency; a scope without rollups answers zeros and hidden values. */
    Dashboard of(Scope scope) {
        Indicators total = indicators(scope, AgencyDashboards.RANGE);
        List<PeriodPoint> series = new ArrayList<>();
        Indicators before = indicators(scope, previous);
        for (String period : periods) {
            Indicators now = indicators(scope, period);
            series.add(now.point(period, before));
            before = now;
        }
        return total.dashboard(agencyId, scope, range, series);
    }

    private Indicators indicators(Scope scope, String slice) {
        DayCounts counts = DayCounts.NONE;
        for (Map.Entry<Cell, DayCounts> cell : slices.get(slice).entrySet()) {
            if (Indicators.contains(scope, cell.getKey())) {
                counts = counts.plus(cell.getValue());
            }
        }
        return new Indicators(counts, rated, measure -> decisions.hides(measure, scope, slice));
    }

    private static boolean within(LocalDate day, DateRange range) {
        return !day.isBefore(range.from()) && !day.isAfter(range.to());
    }

    /** {@link Disclosure} as first written. */
    static final class Rule {

        /** Per measure and slice, the scopes whose statistic is shown; anything not listed is hidden. */
        private final Map<String, Map<String, Set<Scope>>> shown;

        private Rule(Map<String, Map<String, Set<Scope>>> shown) {
            this.shown = shown;
        }

        /**
         * Plans the dashboards of an agency: programs and specialists, each over the range and over every slice.
         *
         * @param slices per slice key, the agency's counts per cell
         * @param range the key of the slice of the whole range
         * @param partsOfRange the slices that add up to the range (the periods of the trend)
         */
        static Rule ofDashboards(String agencyId, Map<String, Map<Cell, DayCounts>> slices, String range,
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
            return new Rule(shown);
        }

        /**
         * Plans an export: the agency and its programs over one slice, the programs cutting the agency total;
         * specialists are not exported, so they are no second cut here.
         */
        static Rule ofExport(String agencyId, Map<Cell, DayCounts> cells, String slice,
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
            return new Rule(shown);
        }

        /** Whether the statistic of {@code measure} in {@code scope} over {@code slice} is hidden. */
        boolean hides(String measure, Scope scope, String slice) {
            // A scope or slice without any rollup rests on no responses at all: fewer than k.
            return !shown.getOrDefault(measure, Map.of()).getOrDefault(slice, Set.of()).contains(scope);
        }

        /** The count of responses a statistic of {@code measure} rests on. */
        static long responses(DayCounts counts, String measure) {
            return switch (measure) {
                case Disclosure.RESPONSES -> counts.responses();
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
}
