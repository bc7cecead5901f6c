package org.peerpulse.indicators.dashboards.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.IntStream;

import org.peerpulse.contracts.FrameworkItem;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.ItemKind;
import org.peerpulse.contracts.QualityFramework;
import org.peerpulse.indicators.agencies.domain.SmallCellRule;
import org.peerpulse.indicators.counting.domain.Cell;
import org.peerpulse.indicators.counting.domain.CellRollup;

/**
 * The dashboards of one agency over one range: the agency's running totals cut into the range, the periods
 * of its trend and the period just before it, with one {@link Disclosure} for all of them. Every scope
 * answers from the same decisions, so no two dashboards can be subtracted to give back a hidden value.
 */
public final class AgencyDashboards {

    /** The slice of the whole range; period keys are dates, weeks or months, so they never clash with it. */
    public static final String RANGE = "range";

    private final String agencyId;
    private final DateRange range;
    private final List<String> periods;
    private final String previous;
    private final RunningTotals totals;
    /** Per slice key, where its days are among each cell's running totals. */
    private final Map<String, int[]> rows;
    private final List<FrameworkItem> rated;
    private final List<String> ratedCodes;
    private final Disclosure disclosure;
    private final ConcurrentMap<Scope, Dashboard> dashboards = new ConcurrentHashMap<>();

    private AgencyDashboards(String agencyId, DateRange range, List<String> periods, String previous,
            RunningTotals totals, Map<String, int[]> rows, List<FrameworkItem> rated, Disclosure disclosure) {
        this.agencyId = agencyId;
        this.range = range;
        this.periods = periods;
        this.previous = previous;
        this.totals = totals;
        this.rows = rows;
        this.rated = rated;
        this.ratedCodes = rated.stream().map(FrameworkItem::code).distinct().toList();
        this.disclosure = disclosure;
    }

    /** The first day to read: the start of the period before the range's first one, for its trend change. */
    public static LocalDate firstDayToRead(DateRange range, Granularity granularity) {
        return periodBefore(range.from(), granularity).from();
    }

    /**
     * @param rollups the agency's cell rollups from {@link #firstDayToRead} to the range's end; others are
     *     ignored
     */
    public static AgencyDashboards of(String agencyId, DateRange range, Granularity granularity,
            List<CellRollup> rollups, QualityFramework framework, SmallCellRule rule) {
        return of(range, granularity, RunningTotals.of(agencyId, rollups), framework, rule);
    }

    /**
     * @param totals the agency's running totals; only the days from {@link #firstDayToRead} to the range's end
     *     are read
     */
    public static AgencyDashboards of(DateRange range, Granularity granularity, RunningTotals totals,
            QualityFramework framework, SmallCellRule rule) {
        // The range, each period of the trend over its days within the range, and the whole period before.
        Map<String, int[]> rows = new LinkedHashMap<>();
        rows.put(RANGE, totals.rowsOf(range.from(), range.to()));
        List<String> periods = new ArrayList<>();
        LocalDate first = range.from();
        String period = granularity.periodOf(first);
        for (LocalDate day = range.from(); !day.isAfter(range.to()); day = day.plusDays(1)) {
            String next = granularity.periodOf(day);
            if (!next.equals(period)) {
                periods.add(period);
                rows.put(period, totals.rowsOf(first, day.minusDays(1)));
                first = day;
                period = next;
            }
        }
        periods.add(period);
        rows.put(period, totals.rowsOf(first, range.to()));
        DateRange before = periodBefore(range.from(), granularity);
        String previous = granularity.periodOf(before.from());
        rows.put(previous, totals.rowsOf(before.from(), before.to()));
        List<FrameworkItem> rated = framework.items().stream()
                .filter(item -> item.kind() == ItemKind.VALUE || item.kind() == ItemKind.PRINCIPLE)
                .toList();
        List<String> measures = new ArrayList<>(List.of(Disclosure.RESPONSES, Frameworks.HOPE_CODE));
        rated.forEach(item -> measures.add(item.code()));
        Disclosure disclosure = Disclosure.ofDashboards(totals.agencyId(), totals, List.copyOf(rows.keySet()),
                List.copyOf(rows.values()), RANGE, periods, measures, rule);
        return new AgencyDashboards(totals.agencyId(), range, List.copyOf(periods), previous, totals, rows, rated,
                disclosure);
    }

    /** The programs and specialists with any rollup in the range: what a quality lead drills down through. */
    public Roster roster() {
        Map<String, List<String>> byProgram = new HashMap<>();
        int[] inRange = rows.get(RANGE);
        List<Cell> cells = totals.cells();
        for (int cell = 0; cell < cells.size(); cell++) {
            if (RunningTotals.has(inRange, cell)) {
                byProgram.computeIfAbsent(cells.get(cell).programId(), program -> new ArrayList<>())
                        .add(cells.get(cell).specialistId());
            }
        }
        return new Roster(byProgram);
    }

    /**
     * The dashboard of one scope of this agency; a scope without rollups answers zeros and hidden values. A
     * scope with rollups is worked out once: everything it depends on is fixed when this is made.
     */
    public Dashboard of(Scope scope) {
        List<Cell> cells = totals.cells();
        int[] ofScope = IntStream.range(0, cells.size())
                .filter(cell -> Indicators.contains(scope, cells.get(cell)))
                .toArray();
        if (ofScope.length == 0) {
            return work(scope, ofScope);
        }
        return dashboards.computeIfAbsent(scope, asked -> work(asked, ofScope));
    }

    private Dashboard work(Scope scope, int[] ofScope) {
        Indicators total = indicators(scope, ofScope, RANGE);
        List<PeriodPoint> series = new ArrayList<>();
        Indicators before = indicators(scope, ofScope, previous);
        for (String period : periods) {
            Indicators now = indicators(scope, ofScope, period);
            series.add(now.point(period, before));
            before = now;
        }
        return total.dashboard(agencyId, scope, range, series);
    }

    public Disclosure disclosure() {
        return disclosure;
    }

    private Indicators indicators(Scope scope, int[] ofScope, String slice) {
        long[] row = new long[totals.width()];
        int[] sliceRows = rows.get(slice);
        for (int cell : ofScope) {
            totals.addTo(row, cell, sliceRows);
        }
        return new Indicators(totals.counts(row, ratedCodes), rated, disclosure.hiddenIn(scope, slice));
    }

    /** The whole calendar period before the one {@code day} falls in. */
    static DateRange periodBefore(LocalDate day, Granularity granularity) {
        return switch (granularity) {
            case DAY -> new DateRange(day.minusDays(1), day.minusDays(1));
            case WEEK -> {
                LocalDate monday = day.with(DayOfWeek.MONDAY).minusWeeks(1);
                yield new DateRange(monday, monday.plusDays(6));
            }
            case MONTH -> {
                LocalDate first = day.withDayOfMonth(1).minusMonths(1);
                yield new DateRange(first, first.plusMonths(1).minusDays(1));
            }
        };
    }
}
