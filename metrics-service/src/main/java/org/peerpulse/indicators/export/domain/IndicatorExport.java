package org.peerpulse.indicators.export.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.peerpulse.contracts.FrameworkItem;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.ItemKind;
import org.peerpulse.contracts.QualityFramework;
import org.peerpulse.indicators.agencies.domain.AgencySettings;
import org.peerpulse.indicators.counting.domain.Cell;
import org.peerpulse.indicators.counting.domain.CellRollup;
import org.peerpulse.indicators.counting.domain.DayCounts;
import org.peerpulse.indicators.dashboards.domain.AgencyDashboards;
import org.peerpulse.indicators.dashboards.domain.Dashboard;
import org.peerpulse.indicators.dashboards.domain.DateRange;
import org.peerpulse.indicators.dashboards.domain.Disclosure;
import org.peerpulse.indicators.dashboards.domain.Indicators;
import org.peerpulse.indicators.dashboards.domain.Scope;

/**
 * The indicators an agency sends to funders: one row for the agency and one per program, under the
 * agency's export rule (k = 11 unless set). Programs under 42 CFR Part 2 are left out before anything is
 * counted, from the agency row too: otherwise the agency row minus the program rows would give them back.
 * What is hidden is decided over the exported rows together ({@link Disclosure#ofExport}), so no hidden
 * program is the agency row minus the shown ones.
 *
 * @param minCellSize the export's k, for "fewer than k"
 * @param rows the agency first, then its programs by id; a row is a dashboard without a trend
 */
public record IndicatorExport(String agencyId, LocalDate from, LocalDate to, int minCellSize, List<String> itemCodes,
        List<Dashboard> rows) {

    public IndicatorExport {
        itemCodes = List.copyOf(itemCodes);
        rows = List.copyOf(rows);
    }

    public static IndicatorExport of(String agencyId, DateRange range, List<CellRollup> rollups,
            QualityFramework framework, AgencySettings settings) {
        Map<Cell, DayCounts> cells = new HashMap<>();
        for (CellRollup rollup : rollups) {
            if (rollup.cell().agencyId().equals(agencyId) && !settings.isPart2(rollup.cell().programId())
                    && !rollup.day().isBefore(range.from()) && !rollup.day().isAfter(range.to())) {
                cells.merge(rollup.cell(), rollup.counts(), DayCounts::plus);
            }
        }
        List<FrameworkItem> rated = framework.items().stream()
                .filter(item -> item.kind() == ItemKind.VALUE || item.kind() == ItemKind.PRINCIPLE)
                .toList();
        List<String> measures = new ArrayList<>(List.of(Disclosure.RESPONSES, Frameworks.HOPE_CODE));
        rated.forEach(item -> measures.add(item.code()));
        Disclosure disclosure = Disclosure.ofExport(agencyId, cells, AgencyDashboards.RANGE, measures,
                settings.exports());
        List<Scope> scopes = new ArrayList<>(List.of(Scope.agency(agencyId)));
        new TreeSet<>(cells.keySet().stream().map(Cell::programId).toList())
                .forEach(program -> scopes.add(Scope.program(program)));
        List<Dashboard> rows = scopes.stream().map(scope -> {
            DayCounts counts = DayCounts.NONE;
            for (Map.Entry<Cell, DayCounts> cell : cells.entrySet()) {
                if (Indicators.contains(scope, cell.getKey())) {
                    counts = counts.plus(cell.getValue());
                }
            }
            return new Indicators(counts, rated, measure -> disclosure.hides(measure, scope, AgencyDashboards.RANGE))
                    .dashboard(agencyId, scope, range, List.of());
        }).toList();
        return new IndicatorExport(agencyId, range.from(), range.to(), settings.exports().k(),
                rated.stream().map(FrameworkItem::code).toList(), rows);
    }
}
