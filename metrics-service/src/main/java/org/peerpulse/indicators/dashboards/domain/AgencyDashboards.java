package org.peerpulse.indicators.dashboards.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.peerpulse.contracts.FrameworkItem;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.ItemKind;
import org.peerpulse.contracts.QualityFramework;
import org.peerpulse.indicators.agencies.domain.SmallCellRule;
import org.peerpulse.indicators.counting.domain.Cell;
import org.peerpulse.indicators.counting.domain.CellRollup;
import org.peerpulse.indicators.counting.domain.DayCounts;

/**
 * The dashboards of one agency over one range: the agency's cell rollups cut into the range, the periods
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
    private final Map<String, Map<Cell, DayCounts>> slices;
    private final List<FrameworkItem> rated;
    private final Disclosure disclosure;

    private AgencyDashboards(String agencyId, DateRange range, List<String> periods, String previous,
            Map<String, Map<Cell, DayCounts>> slices, List<FrameworkItem> rated, Disclosure disclosure) {
        this.agencyId = agencyId;
        this.range = range;
        this.periods = periods;
        this.previous = previous;
        this.slices = slices;
        this.rated = rated;
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
        Map<String, Map<Cell, DayCounts>> slices = new LinkedHashMap<>();
        slices.put(RANGE, new HashMap<>());
        List<String> periods = new ArrayList<>();
        range.days().map(granularity::periodOf).distinct().forEach(period -> {
            periods.add(period);
            slices.put(period, new HashMap<>());
        });
        DateRange before = periodBefore(range.from(), granularity);
        String previous = granularity.periodOf(before.from());
        slices.put(previous, new HashMap<>());
        for (CellRollup rollup : rollups) {
            if (!rollup.cell().agencyId().equals(agencyId)) {
                continue;
            }
            if (within(rollup.day(), range)) {
                slices.get(RANGE).merge(rollup.cell(), rollup.counts(), DayCounts::plus);
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
        Disclosure disclosure = Disclosure.ofDashboards(agencyId, slices, RANGE, periods, measures, rule);
        return new AgencyDashboards(agencyId, range, List.copyOf(periods), previous, slices, rated, disclosure);
    }

    /** The programs and specialists with any rollup in the range: what a quality lead drills down through. */
    public Roster roster() {
        Map<String, List<String>> byProgram = new HashMap<>();
        slices.get(RANGE).keySet().forEach(cell -> byProgram
                .computeIfAbsent(cell.programId(), program -> new ArrayList<>()).add(cell.specialistId()));
        return new Roster(byProgram);
    }

    /** The dashboard of one scope of this agency; a scope without rollups answers zeros and hidden values. */
    public Dashboard of(Scope scope) {
        Indicators total = indicators(scope, RANGE);
        List<PeriodPoint> series = new ArrayList<>();
        Indicators before = indicators(scope, previous);
        for (String period : periods) {
            Indicators now = indicators(scope, period);
            series.add(now.point(period, before));
            before = now;
        }
        return total.dashboard(agencyId, scope, range, series);
    }

    public Disclosure disclosure() {
        return disclosure;
    }

    private Indicators indicators(Scope scope, String slice) {
        DayCounts counts = DayCounts.NONE;
        for (Map.Entry<Cell, DayCounts> cell : slices.get(slice).entrySet()) {
            if (Indicators.contains(scope, cell.getKey())) {
                counts = counts.plus(cell.getValue());
            }
        }
        return new Indicators(counts, rated, measure -> disclosure.hides(measure, scope, slice));
    }

    private static boolean within(LocalDate day, DateRange range) {
        return !day.isBefore(range.from()) && !day.isAfter(range.to());
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
