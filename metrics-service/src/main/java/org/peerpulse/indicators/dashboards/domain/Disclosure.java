package org.peerpulse.indicators.dashboards.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.peerpulse.contracts.Frameworks;
import org.peerpulse.indicators.agencies.domain.SmallCellRule;
import org.peerpulse.indicators.counting.domain.Cell;
import org.peerpulse.indicators.counting.domain.CollectionMode;
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
 *
 * <p>Two kinds of figures lean on a statistic already decided, and are decided after it, over the whole range
 * only (the trend shows neither):
 * <ul>
 * <li><b>forms asked</b> ({@link #asked}) per item: a count of forms, not of answers, but with every item asked
 * it is the response count, so it is hidden wherever the item or the response count is, and otherwise
 * follows both rules on its own counts;</li>
 * <li><b>collection mode</b> ({@link #inMode}): an item's (or hope's) statistic among kiosk answers and among
 * own-device answers is shown only in pairs: where the item is shown and both modes pass both rules. Either
 * mode hidden hides the other, which could otherwise be subtracted from the item's total, and the rules run
 * again with those hidden until nothing changes, so that what pairs hide is covered across scopes too.</li>
 * </ul>
 *
 * <p>It is worked out for the range and granularity asked, from their counts, never ahead of time; it costs
 * measures × slices × scopes: scopes are numbered (the agency, then programs, then specialists, each by id,
 * which is also the order ties are broken in) and every count and decision is an array cell.
 */
public final class Disclosure {

    /** The measure of the response count of a scope. */
    public static final String RESPONSES = "RESPONSES";

    /** The agency's number among the scopes. */
    private static final int AGENCY = 0;

    private static final String ASKED = "ASKED/";

    private final Map<String, Integer> measures;
    private final Map<String, Integer> slices;
    private final Map<Scope, Integer> scopes;
    /** Per measure, slice and scope number: whether the statistic is shown; anything not listed is hidden. */
    private final boolean[][][] shown;

    /** The measure of the forms that asked item {@code code}. */
    public static String asked(String code) {
        return ASKED + code;
    }

    /** The item of an {@link #asked} measure; {@code null} for any other measure. */
    static String askedCode(String measure) {
        return measure.startsWith(ASKED) ? measure.substring(ASKED.length()) : null;
    }

    /** The measure of item (or hope) {@code code} among the answers collected in {@code mode}. */
    public static String inMode(CollectionMode mode, String code) {
        return mode.name() + '/' + code;
    }

    private Disclosure(Map<String, Integer> measures, Map<String, Integer> slices, Map<Scope, Integer> scopes,
            boolean[][][] shown) {
        this.measures = measures;
        this.slices = slices;
        this.scopes = scopes;
        this.shown = shown;
    }

    /**
     * Plans the dashboards of an agency: programs and specialists, each over the range and over every slice.
     *
     * @param totals the agency's running totals
     * @param slices the slices' keys
     * @param rows per slice, where its days are among each cell's totals ({@link RunningTotals#rowsOf})
     * @param range the key of the slice of the whole range
     * @param partsOfRange the slices that add up to the range (the periods of the trend)
     */
    static Disclosure ofDashboards(String agencyId, RunningTotals totals, List<String> slices, List<int[]> rows,
            String range, List<String> partsOfRange, List<String> measures, SmallCellRule rule) {
        Layout layout = new Layout(agencyId, totals.cells(), slices, rows, range, partsOfRange);
        boolean[][][] shown = new boolean[measures.size()][][];
        List<long[]> decided = new ArrayList<>();
        for (int measure = 0; measure < measures.size(); measure++) {
            long[] responses = layout.responses(totals, totals.measureOf(measures.get(measure)));
            // When every form asks every item, most measures rest on the same responses: decided once.
            int same = -1;
            for (int earlier = 0; earlier < decided.size() && same < 0; earlier++) {
                if (Arrays.equals(decided.get(earlier), responses)) {
                    same = earlier;
                }
            }
            decided.add(responses);
            shown[measure] = same >= 0 ? shown[same] : layout.decide(responses, rule);
        }
        if (layout.range < 0 || !measures.contains(RESPONSES)) {
            return new Disclosure(index(measures), layout.sliceIndex, layout.scopes.index(), shown);
        }
        List<String> all = new ArrayList<>(measures);
        List<boolean[][]> decisions = new ArrayList<>(Arrays.asList(shown));
        int inRange = layout.range;
        boolean[] responsesShown = shown[measures.indexOf(RESPONSES)][inRange];
        for (int measure = 0; measure < measures.size(); measure++) {
            String code = measures.get(measure);
            if (code.equals(RESPONSES)) {
                continue;
            }
            boolean[] itemShown = shown[measure][inRange];
            if (!code.equals(Frameworks.HOPE_CODE)) {
                boolean[] forced = new boolean[itemShown.length];
                for (int scope = 0; scope < forced.length; scope++) {
                    forced[scope] = !itemShown[scope] || !responsesShown[scope];
                }
                all.add(asked(code));
                decisions.add(layout.onlyInRange(layout.decideInRange(totals, totals.measureOf(asked(code)),
                        forced, rule)));
            }
            boolean[] pairShown = bothModes(layout, totals, code, itemShown, rule);
            for (CollectionMode mode : CollectionMode.values()) {
                all.add(inMode(mode, code));
                decisions.add(layout.onlyInRange(pairShown));
            }
        }
        return new Disclosure(index(all), layout.sliceIndex, layout.scopes.index(),
                decisions.toArray(boolean[][][]::new));
    }

    /**
     * Where an item's statistics by mode are shown, in the range: both modes or neither, never where the item's
     * total is hidden.
     */
    private static boolean[] bothModes(Layout layout, RunningTotals totals, String code, boolean[] itemShown,
            SmallCellRule rule) {
        boolean[] hidden = new boolean[itemShown.length];
        for (int scope = 0; scope < hidden.length; scope++) {
            hidden[scope] = !itemShown[scope];
        }
        CollectionMode[] modes = CollectionMode.values();
        while (true) {
            boolean[] next = hidden.clone();
            for (CollectionMode mode : modes) {
                boolean[] shownInMode = layout.decideInRange(totals, totals.measureOf(inMode(mode, code)), hidden, rule);
                for (int scope = 0; scope < next.length; scope++) {
                    next[scope] |= !shownInMode[scope];
                }
            }
            if (Arrays.equals(next, hidden)) {
                boolean[] shown = new boolean[hidden.length];
                for (int scope = 0; scope < shown.length; scope++) {
                    shown[scope] = !hidden[scope];
                }
                return shown;
            }
            hidden = next;
        }
    }

    /**
     * Plans an export: the agency and its programs over one slice, the programs cutting the agency total;
     * specialists are not exported, so they are no second cut here.
     */
    public static Disclosure ofExport(String agencyId, Map<Cell, DayCounts> cells, String slice,
            Collection<String> measures, SmallCellRule rule) {
        Scopes numbered = Scopes.of(agencyId, cells.keySet(), false);
        List<String> measureList = List.copyOf(measures);
        boolean[][][] shown = new boolean[measureList.size()][1][];
        int programs = numbered.size() - 1;
        int[] ties = new int[programs];
        Arrays.setAll(ties, part -> part);
        for (int measure = 0; measure < measureList.size(); measure++) {
            long[] counts = new long[numbered.size()];
            boolean[] present = new boolean[numbered.size()];
            present[AGENCY] = true;
            for (Map.Entry<Cell, DayCounts> cell : cells.entrySet()) {
                long n = responses(cell.getValue(), measureList.get(measure));
                int program = numbered.program(cell.getKey());
                counts[AGENCY] += n;
                counts[program] += n;
                present[program] = true;
            }
            Table table = new Table(counts, present, new Links(numbered.size()), numbered.size());
            table.primary(rule);
            boolean[] agencyHidden = { table.hidden[AGENCY] };
            boolean[] hiddenPrograms = Arrays.copyOfRange(table.hidden, 1, numbered.size());
            protectParts(agencyHidden, Arrays.copyOfRange(counts, 1, numbered.size()), hiddenPrograms, ties, rule);
            if (agencyHidden[0]) {
                table.hide(AGENCY);
            }
            for (int program = 0; program < programs; program++) {
                if (hiddenPrograms[program]) {
                    table.hide(program + 1);
                }
            }
            shown[measure][0] = table.shown();
        }
        return new Disclosure(index(measureList), Map.of(slice, 0), numbered.index(), shown);
    }

    /** Whether the statistic of {@code measure} in {@code scope} over {@code slice} is hidden. */
    public boolean hides(String measure, Scope scope, String slice) {
        return hiddenIn(scope, slice).test(measure);
    }

    /** Whether a measure's statistic in {@code scope} over {@code slice} is hidden, by measure. */
    Predicate<String> hiddenIn(Scope scope, String slice) {
        // A scope or slice without any rollup rests on no responses at all: fewer than k.
        Integer scopeNumber = scopes.get(scope);
        Integer sliceNumber = slices.get(slice);
        if (scopeNumber == null || sliceNumber == null) {
            return measure -> true;
        }
        return measure -> {
            Integer measureNumber = measures.get(measure);
            return measureNumber == null || !shown[measureNumber][sliceNumber][scopeNumber];
        };
    }

    /** The count of responses a statistic of {@code measure} rests on. */
    public static long responses(DayCounts counts, String measure) {
        return switch (measure) {
            case RESPONSES -> counts.responses();
            case Frameworks.HOPE_CODE -> counts.hope().responses();
            default -> counts.item(measure).responses();
        };
    }

    /** One scope's range total cut into the periods of the trend; {@code counts}, {@code hidden} are scratch. */
    private static boolean protectOverTime(int scope, Table[] tables, int range, int[] parts, int[] ties,
            SmallCellRule rule, boolean[] tableChanged, long[] counts, boolean[] hidden) {
        boolean[] wholeHidden = { tables[range].hidden[scope] };
        boolean anyHidden = wholeHidden[0];
        for (int part = 0; part < parts.length; part++) {
            counts[part] = tables[parts[part]].counts[scope];
            hidden[part] = tables[parts[part]].hidden[scope];
            anyHidden |= hidden[part];
        }
        if (!anyHidden || !protectParts(wholeHidden, counts, hidden, ties, rule)) {
            return false;
        }
        if (wholeHidden[0] && tables[range].hide(scope)) {
            tableChanged[range] = true;
        }
        for (int part = 0; part < parts.length; part++) {
            if (hidden[part] && tables[parts[part]].hide(scope)) {
                tableChanged[parts[part]] = true;
            }
        }
        return true;
    }

    /**
     * One cut of a whole into parts. When the whole is shown, the hidden parts together are the whole minus
     * the shown ones, so they must be at least two and rest on at least {@code k} responses: hides the shown
     * part with the fewest responses (ties: the lowest {@code ties}) until they are, or the whole if no part is
     * left. When the whole is hidden, at least one part with answers must be hidden too, or the parts add up
     * to it. Answers whether anything was hidden.
     */
    private static boolean protectParts(boolean[] wholeHidden, long[] counts, boolean[] hidden, int[] ties,
            SmallCellRule rule) {
        boolean changed = false;
        while (true) {
            int answered = 0;
            int hiddenAnswered = 0;
            long together = 0;
            int fewestShown = -1;
            int fewestAnswered = -1;
            for (int part = 0; part < counts.length; part++) {
                if (counts[part] <= 0) {
                    continue;
                }
                answered++;
                fewestAnswered = fewer(fewestAnswered, part, counts, ties);
                if (hidden[part]) {
                    hiddenAnswered++;
                    together += counts[part];
                } else {
                    fewestShown = fewer(fewestShown, part, counts, ties);
                }
            }
            if (wholeHidden[0]) {
                // A hidden whole is the sum of its parts when they are all shown.
                if (answered == 0 || hiddenAnswered > 0) {
                    return changed;
                }
                hidden[fewestAnswered] = true;
            } else {
                if (hiddenAnswered == 0 || (hiddenAnswered >= 2 && !rule.hides(together))) {
                    return changed;
                }
                if (fewestShown < 0) {
                    wholeHidden[0] = true;
                } else {
                    hidden[fewestShown] = true;
                }
            }
            changed = true;
        }
    }

    /** Of two parts (or none, {@code -1}), the one with fewer responses, ties by rank. */
    private static int fewer(int best, int candidate, long[] counts, int[] ties) {
        if (best < 0 || counts[candidate] < counts[best]
                || (counts[candidate] == counts[best] && ties[candidate] < ties[best])) {
            return candidate;
        }
        return best;
    }

    private static Map<String, Integer> index(List<String> keys) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            index.putIfAbsent(keys.get(i), i);
        }
        return index;
    }

    /** Each key's place in the natural order of the keys. */
    private static int[] ranks(List<String> keys) {
        Integer[] order = new Integer[keys.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparing(keys::get));
        int[] ranks = new int[keys.size()];
        for (int rank = 0; rank < order.length; rank++) {
            ranks[order[rank]] = rank;
        }
        return ranks;
    }

    /**
     * What the dashboards of one request cut: the agency's cells, the slices (and where their days are among
     * each cell's totals), the scopes with a rollup in any slice, numbered, and each scope's presence per
     * slice. Whatever a measure is, its decisions are taken over this same layout.
     */
    private static final class Layout {

        private final int cells;
        private final List<int[]> rows;
        private final Scopes scopes;
        private final int[] program;
        private final int[] specialist;
        /** Per slice, the scopes in its table: the agency and every program and specialist with a rollup in it. */
        private final boolean[][] present;
        private final Map<String, Integer> sliceIndex;
        private final int range;
        private final int[] parts;
        /** The periods' order by key, to break ties between periods with as many responses. */
        private final int[] partTies;
        /** The slices in the order of their keys: the order the tables are worked through. */
        private final int[] byKey;

        Layout(String agencyId, List<Cell> cells, List<String> slices, List<int[]> rows, String range,
                List<String> partsOfRange) {
            this.cells = cells.size();
            this.rows = rows;
            boolean[] anywhere = new boolean[this.cells];
            List<Cell> seen = new ArrayList<>();
            for (int cell = 0; cell < this.cells; cell++) {
                for (int[] sliceRows : rows) {
                    anywhere[cell] |= RunningTotals.has(sliceRows, cell);
                }
                if (anywhere[cell]) {
                    seen.add(cells.get(cell));
                }
            }
            scopes = Scopes.of(agencyId, seen, true);
            program = new int[this.cells];
            specialist = new int[this.cells];
            for (int cell = 0; cell < this.cells; cell++) {
                program[cell] = anywhere[cell] ? scopes.program(cells.get(cell)) : -1;
                specialist[cell] = anywhere[cell] ? scopes.specialist(cells.get(cell)) : -1;
            }
            present = new boolean[slices.size()][scopes.size()];
            for (int slice = 0; slice < slices.size(); slice++) {
                present[slice][AGENCY] = true;
                for (int cell = 0; cell < this.cells; cell++) {
                    if (RunningTotals.has(rows.get(slice), cell)) {
                        present[slice][program[cell]] = true;
                        present[slice][specialist[cell]] = true;
                    }
                }
            }
            sliceIndex = index(slices);
            this.range = sliceIndex.getOrDefault(range, -1);
            parts = partsOfRange.stream().mapToInt(sliceIndex::get).toArray();
            partTies = ranks(partsOfRange);
            int[] ranks = ranks(slices);
            byKey = new int[slices.size()];
            for (int slice = 0; slice < slices.size(); slice++) {
                byKey[ranks[slice]] = slice;
            }
        }

        /** A measure's responses per slice and cell: all that its decisions depend on besides the rule. */
        long[] responses(RunningTotals totals, int measure) {
            long[] responses = new long[rows.size() * cells];
            for (int slice = 0; slice < rows.size(); slice++) {
                for (int cell = 0; cell < cells; cell++) {
                    responses[slice * cells + cell] = totals.responses(cell, rows.get(slice), measure);
                }
            }
            return responses;
        }

        /**
         * Per scope, whether a measure is shown over the whole range when the scopes of {@code forced} are hidden
         * whatever their counts: both rules, across programs and specialists, with those hidden from the start.
         */
        boolean[] decideInRange(RunningTotals totals, int measure, boolean[] forced, SmallCellRule rule) {
            int[] sliceRows = rows.get(range);
            long[] counts = new long[scopes.size()];
            Links links = new Links(scopes.size());
            for (int cell = 0; cell < cells; cell++) {
                if (RunningTotals.has(sliceRows, cell)) {
                    long n = totals.responses(cell, sliceRows, measure);
                    counts[AGENCY] += n;
                    counts[program[cell]] += n;
                    counts[specialist[cell]] += n;
                    if (n > 0) {
                        links.join(program[cell], specialist[cell]);
                    }
                }
            }
            Table table = new Table(counts, present[range], links, scopes.firstSpecialist());
            for (int scope = 0; scope < forced.length; scope++) {
                if (forced[scope]) {
                    table.hide(scope);
                }
            }
            table.primary(rule);
            table.protectAcross(rule, new boolean[scopes.size()]);
            return table.shown();
        }

        /** Decisions for the range alone: every other slice hides the measure. */
        boolean[][] onlyInRange(boolean[] shownInRange) {
            boolean[][] shown = new boolean[rows.size()][];
            for (int slice = 0; slice < rows.size(); slice++) {
                shown[slice] = slice == range ? shownInRange : new boolean[shownInRange.length];
            }
            return shown;
        }

        /** Per slice and scope, whether a measure resting on {@code responses} is shown. */
        boolean[][] decide(long[] responses, SmallCellRule rule) {
            Table[] tables = new Table[rows.size()];
            for (int slice = 0; slice < rows.size(); slice++) {
                long[] counts = new long[scopes.size()];
                Links links = new Links(scopes.size());
                for (int cell = 0; cell < cells; cell++) {
                    if (RunningTotals.has(rows.get(slice), cell)) {
                        long n = responses[slice * cells + cell];
                        counts[AGENCY] += n;
                        counts[program[cell]] += n;
                        counts[specialist[cell]] += n;
                        if (n > 0) {
                            links.join(program[cell], specialist[cell]);
                        }
                    }
                }
                tables[slice] = new Table(counts, present[slice], links, scopes.firstSpecialist());
                tables[slice].primary(rule);
            }
            // Each step depends only on its own table, or on its own scope's slices, so one whose inputs
            // did not change since it last ran would change nothing again and is left out.
            boolean[] tableChanged = new boolean[rows.size()];
            boolean[] scopeChanged = new boolean[scopes.size()];
            Arrays.fill(tableChanged, true);
            Arrays.fill(scopeChanged, true);
            long[] partCounts = new long[parts.length];
            boolean[] partsHidden = new boolean[parts.length];
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int slice : byKey) {
                    if (tableChanged[slice]) {
                        tableChanged[slice] = false;
                        changed |= tables[slice].protectAcross(rule, scopeChanged);
                    }
                }
                if (range >= 0) {
                    for (int scope = 0; scope < scopes.size(); scope++) {
                        if (scopeChanged[scope]) {
                            scopeChanged[scope] = false;
                            changed |= protectOverTime(scope, tables, range, parts, partTies, rule, tableChanged,
                                    partCounts, partsHidden);
                        }
                    }
                }
            }
            boolean[][] shown = new boolean[rows.size()][];
            for (int slice = 0; slice < rows.size(); slice++) {
                shown[slice] = tables[slice].shown();
            }
            return shown;
        }
    }

    /** The agency, its programs and (for dashboards) its specialists, numbered in that order, each by id. */
    private record Scopes(Map<Scope, Integer> index, Map<String, Integer> programs, Map<String, Integer> specialists,
            int firstSpecialist, int size) {

        static Scopes of(String agencyId, Collection<Cell> cells, boolean withSpecialists) {
            TreeSet<String> programIds = new TreeSet<>();
            TreeSet<String> specialistIds = new TreeSet<>();
            cells.forEach(cell -> {
                programIds.add(cell.programId());
                specialistIds.add(cell.specialistId());
            });
            Map<Scope, Integer> index = new HashMap<>();
            Map<String, Integer> programs = new HashMap<>();
            Map<String, Integer> specialists = new HashMap<>();
            index.put(Scope.agency(agencyId), AGENCY);
            for (String id : programIds) {
                programs.put(id, index.size());
                index.put(Scope.program(id), index.size());
            }
            int firstSpecialist = index.size();
            if (withSpecialists) {
                for (String id : specialistIds) {
                    specialists.put(id, index.size());
                    index.put(Scope.specialist(id), index.size());
                }
            }
            return new Scopes(index, programs, specialists, firstSpecialist, index.size());
        }

        int program(Cell cell) {
            return programs.get(cell.programId());
        }

        int specialist(Cell cell) {
            return specialists.get(cell.specialistId());
        }
    }

    /** Programs and specialists joined by cells with answers, gathered into connected groups. */
    private static final class Links {

        private final int[] parent;

        Links(int scopes) {
            parent = new int[scopes];
            Arrays.fill(parent, -1);
        }

        void join(int program, int specialist) {
            for (int scope : new int[] { program, specialist }) {
                if (parent[scope] < 0) {
                    parent[scope] = scope;
                }
            }
            int a = root(program);
            int b = root(specialist);
            if (a != b) {
                parent[Math.max(a, b)] = Math.min(a, b);
            }
        }

        private int root(int scope) {
            while (parent[scope] != scope) {
                parent[scope] = parent[parent[scope]];
                scope = parent[scope];
            }
            return scope;
        }

        /** The group of each scope, numbered in the order of their first member; {@code -1} for none. */
        int[] groups() {
            // Joining makes the lowest member a group's root, so roots come in the order of their groups.
            int[] groupOf = new int[parent.length];
            int[] groupOfRoot = new int[parent.length];
            Arrays.fill(groupOfRoot, -1);
            int groups = 0;
            for (int scope = 0; scope < parent.length; scope++) {
                if (parent[scope] < 0) {
                    groupOf[scope] = -1;
                    continue;
                }
                int root = root(scope);
                if (groupOfRoot[root] < 0) {
                    groupOfRoot[root] = groups++;
                }
                groupOf[scope] = groupOfRoot[root];
            }
            return groupOf;
        }
    }

    /**
     * One measure in one slice: the counts of the agency, its programs and specialists, by number, and the
     * groups that cells with answers join them into (the sum of either side of a group is the same number).
     * How many of each side of a group are hidden is kept as scopes are hidden, so that whether a group's total
     * can be worked out is known without looking at its members.
     */
    private static final class Table {

        private final long[] counts;
        private final boolean[] present;
        private final boolean[] hidden;
        /** Per group, its programs and its specialists, each in order. */
        private final int[][] programs;
        private final int[][] specialists;
        private final int[] groupOf;
        private final int firstSpecialist;
        private final int[] hiddenPrograms;
        private final int[] hiddenSpecialists;
        /** Groups with a hidden member on both sides: their total cannot be worked out. */
        private int unknownGroups;

        Table(long[] counts, boolean[] present, Links links, int firstSpecialist) {
            this.counts = counts;
            this.present = present;
            this.hidden = new boolean[counts.length];
            this.firstSpecialist = firstSpecialist;
            this.groupOf = links.groups();
            int groups = 0;
            for (int group : groupOf) {
                groups = Math.max(groups, group + 1);
            }
            int[] programCount = new int[groups];
            int[] specialistCount = new int[groups];
            for (int scope = 0; scope < groupOf.length; scope++) {
                if (groupOf[scope] >= 0) {
                    if (scope < firstSpecialist) {
                        programCount[groupOf[scope]]++;
                    } else {
                        specialistCount[groupOf[scope]]++;
                    }
                }
            }
            programs = new int[groups][];
            specialists = new int[groups][];
            for (int group = 0; group < groups; group++) {
                programs[group] = new int[programCount[group]];
                specialists[group] = new int[specialistCount[group]];
                programCount[group] = 0;
                specialistCount[group] = 0;
            }
            for (int scope = 0; scope < groupOf.length; scope++) {
                int group = groupOf[scope];
                if (group >= 0) {
                    if (scope < firstSpecialist) {
                        programs[group][programCount[group]++] = scope;
                    } else {
                        specialists[group][specialistCount[group]++] = scope;
                    }
                }
            }
            hiddenPrograms = new int[groups];
            hiddenSpecialists = new int[groups];
        }

        void primary(SmallCellRule rule) {
            for (int scope = 0; scope < counts.length; scope++) {
                if (present[scope] && rule.hides(counts[scope])) {
                    hide(scope);
                }
            }
        }

        /** Hides {@code scope}; answers whether it was shown. */
        boolean hide(int scope) {
            if (hidden[scope]) {
                return false;
            }
            hidden[scope] = true;
            int group = groupOf[scope];
            if (group >= 0) {
                boolean wasKnown = known(group);
                if (scope < firstSpecialist) {
                    hiddenPrograms[group]++;
                } else {
                    hiddenSpecialists[group]++;
                }
                if (wasKnown && !known(group)) {
                    unknownGroups++;
                }
            }
            return true;
        }

        boolean[] shown() {
            boolean[] shown = new boolean[counts.length];
            for (int scope = 0; scope < counts.length; scope++) {
                shown[scope] = present[scope] && !hidden[scope];
            }
            return shown;
        }

        /**
         * The two cuts of this slice (programs, specialists), group by connected group, until no hidden sum
         * that can be worked out is a single scope or rests on fewer than k responses. Marks each scope it
         * hides in {@code scopeChanged}.
         */
        boolean protectAcross(SmallCellRule rule, boolean[] scopeChanged) {
            boolean changedAny = false;
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int group = 0; group < programs.length; group++) {
                    for (boolean programSide : new boolean[] { true, false }) {
                        int hiddenMembers = hiddenOn(group, programSide);
                        if (hiddenMembers == 0 || (hiddenMembers >= 2 && !rule.hides(hiddenSum(group, programSide)))
                                || !sumRecoverable(group, !programSide)) {
                            continue;
                        }
                        int pick = fewestShown(side(group, programSide), -1);
                        if (pick < 0 && hiddenOn(group, !programSide) == 0) {
                            pick = fewestShown(side(group, !programSide), -1);
                        }
                        if (pick < 0) {
                            for (int other = 0; other < programs.length; other++) {
                                if (other != group && known(other)) {
                                    pick = fewestShown(side(other, programSide), pick);
                                }
                            }
                        }
                        if (pick < 0 && !hidden[AGENCY]) {
                            // Nothing else to hide: the slice's agency total would give the group back.
                            pick = AGENCY;
                        }
                        if (pick >= 0) {
                            hide(pick);
                            scopeChanged[pick] = true;
                            changed = true;
                            changedAny = true;
                        }
                    }
                }
            }
            return changedAny;
        }

        /** The sum of a group's side is its other side's sum, or the agency minus every other group. */
        private boolean sumRecoverable(int group, boolean otherSide) {
            if (hiddenOn(group, otherSide) == 0) {
                return true;
            }
            return !hidden[AGENCY] && unknownGroups == (known(group) ? 0 : 1);
        }

        /** Its total can be worked out when one whole side is shown. */
        private boolean known(int group) {
            return hiddenPrograms[group] == 0 || hiddenSpecialists[group] == 0;
        }

        private int hiddenOn(int group, boolean programSide) {
            return programSide ? hiddenPrograms[group] : hiddenSpecialists[group];
        }

        private int[] side(int group, boolean programSide) {
            return programSide ? programs[group] : specialists[group];
        }

        private long hiddenSum(int group, boolean programSide) {
            long together = 0;
            for (int member : side(group, programSide)) {
                if (hidden[member]) {
                    together += counts[member];
                }
            }
            return together;
        }

        /** The shown scope among {@code scopes} and {@code best} with the fewest responses, ties by number. */
        private int fewestShown(int[] scopes, int best) {
            for (int scope : scopes) {
                if (!hidden[scope] && (best < 0 || counts[scope] < counts[best]
                        || (counts[scope] == counts[best] && scope < best))) {
                    best = scope;
                }
            }
            return best;
        }
    }
}
