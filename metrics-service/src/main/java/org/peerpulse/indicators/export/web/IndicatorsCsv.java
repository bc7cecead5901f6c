package org.peerpulse.indicators.export.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.peerpulse.indicators.dashboards.domain.Dashboard;
import org.peerpulse.indicators.dashboards.domain.ItemScore;
import org.peerpulse.indicators.export.domain.IndicatorExport;

/**
 * The export as RFC 4180 CSV. A hidden statistic reads "fewer than 11" (the export's k), an empty cell
 * means there was nothing to divide by. Text cells are quoted when needed, and one that a spreadsheet
 * would read as a formula gets a leading apostrophe.
 */
final class IndicatorsCsv {

    static final List<String> COLUMNS = List.of("scope", "id", "from", "to", "sessions", "responses", "responseRate",
            "peerRoleShare", "valuesIndex", "trustIndex", "hopeMean", "hopeTopBoxRate");

    private IndicatorsCsv() {
    }

    static String of(IndicatorExport export) {
        String hidden = "fewer than " + export.minCellSize();
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(COLUMNS);
        export.itemCodes().forEach(code -> header.add(code + "_mean"));
        line(csv, header);
        for (Dashboard row : export.rows()) {
            List<String> cells = new ArrayList<>();
            cells.add(row.scope().type().name().toLowerCase(Locale.ROOT));
            cells.add(text(row.scope().id()));
            cells.add(row.from().toString());
            cells.add(row.to().toString());
            cells.add(Long.toString(row.sessions()));
            cells.add(row.responsesSuppressed() ? hidden : Long.toString(row.responses()));
            cells.add(row.responsesSuppressed() ? hidden : number(row.responseRate()));
            cells.add(number(row.peerRoleShare()));
            // An index is empty only when every item of its group is hidden (no answers at all is fewer than k).
            cells.add(row.valuesIndex() == null ? hidden : number(row.valuesIndex()));
            cells.add(row.trustIndex() == null ? hidden : number(row.trustIndex()));
            cells.add(row.hope().suppressed() ? hidden : number(row.hope().mean()));
            cells.add(row.hope().suppressed() ? hidden : number(row.hope().topBoxRate()));
            for (String code : export.itemCodes()) {
                ItemScore item = row.items().stream().filter(score -> score.code().equals(code)).findFirst()
                        .orElseThrow();
                cells.add(item.suppressed() ? hidden : number(item.mean()));
            }
            line(csv, cells);
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<String> cells) {
        csv.append(String.join(",", cells)).append("\r\n");
    }

    private static String number(Double value) {
        return value == null ? "" : BigDecimal.valueOf(value).toPlainString();
    }

    private static String text(String value) {
        String safe = value.isEmpty() || "=+-@\t\r".indexOf(value.charAt(0)) < 0 ? value : "'" + value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
