package org.peerpulse.indicators.dashboards.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.peerpulse.indicators.dashboards.domain.Dashboard;
import org.peerpulse.indicators.dashboards.domain.ItemScore;
import org.peerpulse.indicators.dashboards.domain.PeriodPoint;
import org.springframework.stereotype.Component;

/**
 * How often the small-cell rule hides something from the people reading the indicators: every hidden
 * statistic served (a response count, an item, hope, a trend point's responses), by the view that served
 * it. Many hidden cells tell ops (and the product) that the agencies' cells are small, never which agency.
 */
@Component
public class DashboardMeters {

    static final List<String> VIEWS = List.of("agency", "program", "specialist", "export", "learning", "page");

    private final Map<String, Counter> suppressed = new LinkedHashMap<>();

    DashboardMeters(MeterRegistry registry) {
        for (String view : VIEWS) {
            suppressed.put(view, Counter.builder("peerpulse.dashboard.cells.suppressed")
                    .description("Statistics hidden by the small-cell rule in the answers served, by view")
                    .tag("view", view)
                    .register(registry));
        }
    }

    public void served(String view, Dashboard dashboard) {
        served(view, List.of(dashboard));
    }

    public void served(String view, List<Dashboard> dashboards) {
        long hidden = 0;
        for (Dashboard dashboard : dashboards) {
            hidden += (dashboard.responsesSuppressed() ? 1 : 0) + hiddenIn(dashboard.items(), dashboard.hope())
                    + dashboard.series().stream().filter(PeriodPoint::responsesSuppressed).count();
        }
        suppressed.get(view).increment(hidden);
    }

    /** {@code hidden} statistics served by a view that is not a dashboard (the learning view). */
    public void served(String view, long hidden) {
        suppressed.get(view).increment(hidden);
    }

    /** The hidden item statistics among {@code items} and {@code hope}. */
    public static long hiddenIn(List<ItemScore> items, ItemScore hope) {
        return items.stream().filter(ItemScore::suppressed).count() + (hope != null && hope.suppressed() ? 1 : 0);
    }
}
