package org.peerpulse.indicators.dashboards.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.peerpulse.contracts.Frameworks;
import org.peerpulse.indicators.counting.domain.Cell;
import org.peerpulse.indicators.counting.domain.CellRollup;
import org.peerpulse.indicators.counting.domain.CollectionMode;
import org.peerpulse.indicators.counting.domain.DayCounts;
import org.peerpulse.indicators.counting.domain.ModeCounts;
import org.peerpulse.indicators.counting.domain.RatingTally;

/**
 * One agency's day rollups as running totals, cell by cell: each cell's counters added up over its days in
 * order, so that the total of any range of days is one subtraction per counter, whatever the range's length.
 * Nothing here depends on a request or hides anything; it is the arithmetic every dashboard of the agency
 * starts from, built once per copy of the agency's rollups.
 *
 * <p>A cell's totals are a row of counters: the session counters, the response count, harm reports, the
 * hope tally, then a tally per item the agency's rollups name and per item and hope in each collection mode
 * ({@link Disclosure#inMode}), in key order, then per item the forms that asked it. Beside them, a narrower
 * row holds what the small-cell rule looks at: the responses of each measure (the response count, hope, each
 * tally, each item's forms asked), so that deciding what to hide reads a few adjacent numbers per cell.
 */
public final class RunningTotals {

    private static final int SCALARS = 8;
    private static final int RESPONSES = 6;
    private static final int HOPE = SCALARS;
    private static final int ITEMS = HOPE + 5;

    private final String agencyId;
    private final List<Cell> cells;
    /** Per item code, and per {@link Disclosure#inMode} key of an item or hope in a mode: its tally's column. */
    private final Map<String, Integer> itemColumns;
    /** Per item code, the column of the forms that asked it, after every tally. */
    private final Map<String, Integer> askedColumns;
    private final int width;
    /** Per cell, its days with a rollup, ascending, as epoch days. */
    private final long[][] days;
    /** Per cell, {@code (days + 1) × width} counters: row {@code i} sums the cell's first {@code i} days. */
    private final long[][] totals;
    /** Per cell, {@code (days + 1) × measures}: the responses of each measure, summed the same way. */
    private final long[][] answered;
    private final int measures;

    private RunningTotals(String agencyId, List<Cell> cells, Map<String, Integer> itemColumns,
            Map<String, Integer> askedColumns, long[][] days, long[][] totals) {
        this.agencyId = agencyId;
        this.cells = cells;
        this.itemColumns = itemColumns;
        this.askedColumns = askedColumns;
        this.width = ITEMS + 5 * itemColumns.size() + askedColumns.size();
        this.days = days;
        this.totals = totals;
        this.measures = 2 + itemColumns.size() + askedColumns.size();
        this.answered = new long[cells.size()][];
        for (int cell = 0; cell < cells.size(); cell++) {
            int rows = days[cell].length + 1;
            long[] byMeasure = new long[rows * measures];
            for (int row = 0; row < rows; row++) {
                int from = row * width;
                int to = row * measures;
                byMeasure[to] = totals[cell][from + RESPONSES];
                byMeasure[to + 1] = answers(totals[cell], from + HOPE);
                for (int item = 0; item < itemColumns.size(); item++) {
                    byMeasure[to + 2 + item] = answers(totals[cell], from + ITEMS + 5 * item);
                }
                int firstAsked = ITEMS + 5 * itemColumns.size();
                for (int item = 0; item < askedColumns.size(); item++) {
                    byMeasure[to + 2 + itemColumns.size() + item] = totals[cell][from + firstAsked + item];
                }
            }
            answered[cell] = byMeasure;
        }
    }

    private static long answers(long[] row, int tally) {
        return row[tally] + row[tally + 1] + row[tally + 2] + row[tally + 3] + row[tally + 4];
    }

    /** The totals of {@code agencyId}'s rollups among {@code rollups}; any other agency's are left out. */
    public static RunningTotals of(String agencyId, List<CellRollup> rollups) {
        Map<Cell, List<CellRollup>> byCell = new HashMap<>();
        Set<String> codes = new HashSet<>();
        Set<String> askedCodes = new HashSet<>();
        for (CellRollup rollup : rollups) {
            if (rollup.cell().agencyId().equals(agencyId)) {
                byCell.computeIfAbsent(rollup.cell(), cell -> new ArrayList<>()).add(rollup);
                DayCounts counts = rollup.counts();
                codes.addAll(counts.items().keySet());
                askedCodes.addAll(counts.asked().keySet());
                counts.modes().forEach((mode, ofMode) -> {
                    ofMode.items().keySet().forEach(code -> codes.add(Disclosure.inMode(mode, code)));
                    codes.add(Disclosure.inMode(mode, Frameworks.HOPE_CODE));
                });
            }
        }
        Map<String, Integer> itemColumns = new HashMap<>();
        new TreeSet<>(codes).forEach(code -> itemColumns.put(code, ITEMS + 5 * itemColumns.size()));
        Map<String, Integer> askedColumns = new HashMap<>();
        int firstAsked = ITEMS + 5 * itemColumns.size();
        new TreeSet<>(askedCodes).forEach(code -> askedColumns.put(code, firstAsked + askedColumns.size()));
        int width = firstAsked + askedColumns.size();
        List<Cell> cells = byCell.keySet().stream()
                .sorted(Comparator.comparing(Cell::programId).thenComparing(Cell::specialistId))
                .toList();
        long[][] days = new long[cells.size()][];
        long[][] totals = new long[cells.size()][];
        for (int c = 0; c < cells.size(); c++) {
            List<CellRollup> ofCell = byCell.get(cells.get(c));
            ofCell.sort(Comparator.comparing(CellRollup::day));
            // Two rollups of one day (never from the store, possible in a list) share one row.
            long[] cellDays = ofCell.stream().mapToLong(rollup -> rollup.day().toEpochDay()).distinct().toArray();
            long[] running = new long[(cellDays.length + 1) * width];
            int row = 0;
            for (CellRollup rollup : ofCell) {
                long day = rollup.day().toEpochDay();
                if (row == 0 || cellDays[row - 1] != day) {
                    row++;
                    System.arraycopy(running, (row - 1) * width, running, row * width, width);
                }
                add(running, row * width, rollup.counts(), itemColumns, askedColumns);
            }
            days[c] = cellDays;
            totals[c] = running;
        }
        return new RunningTotals(agencyId, cells, itemColumns, askedColumns, days, totals);
    }

    private static void add(long[] running, int at, DayCounts counts, Map<String, Integer> itemColumns,
            Map<String, Integer> askedColumns) {
        running[at] += counts.sessions();
        running[at + 1] += counts.invitations();
        running[at + 2] += counts.minutes();
        running[at + 3] += counts.peerMinutes();
        running[at + 4] += counts.sessionsWithStrengths();
        running[at + 5] += counts.recoveryFocusSessions();
        running[at + RESPONSES] += counts.responses();
        running[at + 7] += counts.harmReports();
        addTally(running, at + HOPE, counts.hope());
        counts.items().forEach((code, tally) -> addTally(running, at + itemColumns.get(code), tally));
        counts.modes().forEach((mode, ofMode) -> {
            ofMode.items().forEach((code, tally) ->
                    addTally(running, at + itemColumns.get(Disclosure.inMode(mode, code)), tally));
            addTally(running, at + itemColumns.get(Disclosure.inMode(mode, Frameworks.HOPE_CODE)), ofMode.hope());
        });
        counts.asked().forEach((code, forms) -> running[at + askedColumns.get(code)] += forms);
    }

    private static void addTally(long[] running, int at, RatingTally tally) {
        running[at] += tally.ones();
        running[at + 1] += tally.twos();
        running[at + 2] += tally.threes();
        running[at + 3] += tally.fours();
        running[at + 4] += tally.fives();
    }

    public String agencyId() {
        return agencyId;
    }

    /** The agency's cells, by program then specialist. */
    List<Cell> cells() {
        return cells;
    }

    /** How many counters a row of totals has. */
    int width() {
        return width;
    }

    /**
     * Where the days {@code from}..{@code to} (inclusive) are among each cell's totals: for cell {@code c},
     * rows {@code [2c]} (inclusive) to {@code [2c + 1]} (exclusive); the same two when it has no rollup then.
     */
    int[] rowsOf(LocalDate from, LocalDate to) {
        int[] rows = new int[2 * cells.size()];
        long first = from.toEpochDay();
        long last = to.toEpochDay();
        for (int cell = 0; cell < cells.size(); cell++) {
            rows[2 * cell] = firstOnOrAfter(days[cell], first);
            rows[2 * cell + 1] = firstOnOrAfter(days[cell], last + 1);
        }
        return rows;
    }

    /** Whether cell {@code cell} has a rollup among {@code rows}. */
    static boolean has(int[] rows, int cell) {
        return rows[2 * cell] != rows[2 * cell + 1];
    }

    /** Adds cell {@code cell}'s counters over {@code rows} to {@code into}. */
    void addTo(long[] into, int cell, int[] rows) {
        long[] running = totals[cell];
        int high = rows[2 * cell + 1] * width;
        int low = rows[2 * cell] * width;
        if (high == low) {
            return;
        }
        for (int counter = 0; counter < width; counter++) {
            into[counter] += running[high + counter] - running[low + counter];
        }
    }

    /**
     * The number of a measure ({@link Disclosure#RESPONSES}, hope, an item, an item or hope in a mode, or an
     * item's forms asked) among the responses a cell keeps; {@code -1} for one no rollup names, which has none.
     */
    int measureOf(String measure) {
        return switch (measure) {
            case Disclosure.RESPONSES -> 0;
            case Frameworks.HOPE_CODE -> 1;
            default -> {
                Integer column = itemColumns.get(measure);
                if (column != null) {
                    yield 2 + (column - ITEMS) / 5;
                }
                String askedCode = Disclosure.askedCode(measure);
                Integer asked = askedCode == null ? null : askedColumns.get(askedCode);
                yield asked == null ? -1 : 2 + itemColumns.size() + (asked - ITEMS - 5 * itemColumns.size());
            }
        };
    }

    /** The count a statistic of measure {@code measure} ({@link #measureOf}) rests on, in one cell. */
    long responses(int cell, int[] rows, int measure) {
        if (measure < 0) {
            return 0;
        }
        long[] running = answered[cell];
        return running[rows[2 * cell + 1] * measures + measure] - running[rows[2 * cell] * measures + measure];
    }

    /** A row of counters as the day counts it adds up to, with the items of {@code codes}. */
    DayCounts counts(long[] row, List<String> codes) {
        List<Map.Entry<String, RatingTally>> items = new ArrayList<>(codes.size());
        for (String code : codes) {
            Integer column = itemColumns.get(code);
            if (column != null) {
                items.add(Map.entry(code, tally(row, column)));
            }
        }
        // Already immutable, so the day counts keep this map instead of copying it.
        @SuppressWarnings("unchecked")
        Map<String, RatingTally> byCode = Map.ofEntries(items.toArray(Map.Entry[]::new));
        Map<String, Long> asked = new HashMap<>();
        for (String code : codes) {
            Integer column = askedColumns.get(code);
            if (column != null) {
                asked.put(code, row[column]);
            }
        }
        Map<CollectionMode, ModeCounts> modes = new EnumMap<>(CollectionMode.class);
        for (CollectionMode mode : CollectionMode.values()) {
            Map<String, RatingTally> ofMode = new HashMap<>();
            for (String code : codes) {
                Integer column = itemColumns.get(Disclosure.inMode(mode, code));
                if (column != null) {
                    ofMode.put(code, tally(row, column));
                }
            }
            Integer hope = itemColumns.get(Disclosure.inMode(mode, Frameworks.HOPE_CODE));
            if (hope != null) {
                modes.put(mode, new ModeCounts(ofMode, tally(row, hope)));
            }
        }
        return new DayCounts(row[0], row[1], row[2], row[3], row[4], row[5], row[RESPONSES], byCode,
                tally(row, HOPE), row[7], Map.of(), Map.of(), asked, modes);
    }

    private static RatingTally tally(long[] row, int at) {
        return new RatingTally(row[at], row[at + 1], row[at + 2], row[at + 3], row[at + 4]);
    }

    private static int firstOnOrAfter(long[] days, long day) {
        int found = Arrays.binarySearch(days, day);
        return found >= 0 ? found : -found - 1;
    }
}
