package org.peerpulse.indicators.dashboards.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.peerpulse.contracts.ItemKind;
import org.peerpulse.indicators.counting.domain.CollectionMode;
import org.peerpulse.indicators.dashboards.application.DashboardPage;
import org.peerpulse.indicators.dashboards.domain.Dashboard;
import org.peerpulse.indicators.dashboards.domain.Granularity;
import org.peerpulse.indicators.dashboards.domain.ItemScore;
import org.peerpulse.indicators.dashboards.domain.ModeScores;
import org.peerpulse.indicators.dashboards.domain.PeriodPoint;
import org.peerpulse.indicators.dashboards.domain.Scope;

/**
 * One page as the template reads it: every figure already written out (or "fewer than k"), in the order
 * the page shows them: strengths first, then the indices, hope and rates, the trend, every item, and the
 * scopes to drill down to.
 *
 * @param scopeType {@code agency}, {@code program} or {@code specialist}
 * @param crumbs from the agency down to this scope; the last one is this page
 * @param trend the chart's data, as JSON arrays for {@code data-*} attributes
 * @param byMode hope then every item, kiosk answers beside own-device ones
 * @param anyByMode whether any row of {@code byMode} is shown, so the table is worth drawing
 */
record DashboardView(
        String agencyId,
        String scopeType,
        String scopeId,
        List<Crumb> crumbs,
        LocalDate from,
        LocalDate to,
        String granularity,
        int k,
        String fewerThanK,
        List<ItemRow> strengths,
        List<Figure> headline,
        List<Figure> rates,
        long harmReports,
        List<PeriodRow> series,
        Map<String, String> trend,
        List<ItemRow> values,
        List<ItemRow> principles,
        String childrenHeading,
        List<ChildRow> children,
        List<ModeRow> byMode,
        boolean anyByMode) {

    /** A link in the breadcrumb trail. */
    record Crumb(String label, String href) {
    }

    /** A headline number; {@code muted} when it is a placeholder rather than a number. */
    record Figure(String label, String value, String hint, boolean muted) {
    }

    /**
     * One rated item. {@code meter} is the mean for a {@code <meter>} element, {@code null} when hidden;
     * {@code distribution} is how the answers spread over 1–5, as bar segments, empty when hidden; {@code asked}
     * is how many forms asked it, {@code null} when hidden.
     */
    record ItemRow(String code, String group, String mean, String topBox, String responses, Double meter,
            List<Segment> distribution, boolean suppressed, Long asked) {
    }

    /** Hope or one item, own-device answers then kiosk ones; {@code suppressed} hides both sides. */
    record ModeRow(String code, String ownDeviceMean, String ownDeviceTopBox, String ownDeviceResponses,
            String kioskMean, String kioskTopBox, String kioskResponses, boolean suppressed) {
    }

    /**
     * A part of a distribution bar: answers of {@code rating}, from {@code x} to {@code x + width} of 100,
     * drawn as SVG attributes so no inline style is needed under the page's CSP.
     */
    record Segment(int rating, double x, double width, long answers) {
    }

    record PeriodRow(String period, long sessions, String responses, String valuesIndex, String valuesChange,
            String trustIndex, String trustChange, String hope, String hopeChange) {
    }

    /** A program or specialist one level down, with the headline numbers to choose where to look. */
    record ChildRow(String id, String href, long sessions, String responses, String valuesIndex, String trustIndex,
            String hope) {
    }

    static DashboardView of(DashboardPage page, Granularity granularity, List<Crumb> crumbs,
            Function<String, String> childHref, Function<List<PeriodPoint>, Map<String, String>> trendData) {
        Dashboard dashboard = page.dashboard();
        PageFigures figures = new PageFigures(page.minCellSize());
        List<ItemRow> items = dashboard.items().stream()
                .map(item -> row(item, dashboard.askedOf(item.code()), figures)).toList();
        List<ItemRow> strengths = new ArrayList<>();
        for (String code : dashboard.signatureStrengths()) {
            items.stream().filter(row -> row.code().equals(code)).findFirst().ifPresent(strengths::add);
        }
        ItemScore hope = dashboard.hope();
        List<Figure> headline = List.of(
                new Figure("Values index", figures.index(dashboard.valuesIndex(), dashboard.responses(),
                        dashboard.responsesSuppressed()),
                        "0–100, from the eight core values", dashboard.valuesIndex() == null),
                new Figure("TRUST index", figures.index(dashboard.trustIndex(), dashboard.responses(),
                        dashboard.responsesSuppressed()),
                        "0–100, from the five TRUST principles", dashboard.trustIndex() == null),
                new Figure("Hope", figures.mean(hope.mean(), hope.suppressed()),
                        hope.suppressed() || hope.mean() == null ? "“I leave this session more hopeful.”"
                                : figures.percent(hope.topBoxRate(), false, "") + " left more hopeful (4 or 5 of 5)",
                        hope.suppressed() || hope.mean() == null));
        List<Figure> rates = List.of(
                new Figure("Sessions", Long.toString(dashboard.sessions()), dashboard.invitations() + " invited to answer",
                        false),
                new Figure("Response rate", figures.percent(dashboard.responseRate(), dashboard.responsesSuppressed(),
                        PageFigures.NO_SESSIONS),
                        figures.count(dashboard.responses(), dashboard.responsesSuppressed()) + " answers",
                        dashboard.responseRate() == null || dashboard.responsesSuppressed()),
                new Figure("Peer-role share", figures.percent(dashboard.peerRoleShare(), false, PageFigures.NO_SESSIONS),
                        "of minutes spent in peer work", dashboard.peerRoleShare() == null),
                new Figure("Strengths acknowledged", figures.percent(dashboard.strengthsAcknowledgedRate(), false,
                        PageFigures.NO_SESSIONS), "of sessions noted a strength", dashboard.strengthsAcknowledgedRate() == null),
                new Figure("Recovery focus", figures.percent(dashboard.recoveryFocusRate(), false, PageFigures.NO_SESSIONS),
                        "of sessions on recovery goals or wellness", dashboard.recoveryFocusRate() == null));
        List<PeriodRow> series = dashboard.series().stream()
                .map(point -> new PeriodRow(point.period(), point.sessions(),
                        figures.count(point.responses(), point.responsesSuppressed()),
                        figures.index(point.valuesIndex(), point.responses(), point.responsesSuppressed()),
                        figures.change(point.valuesIndexChange(), 1),
                        figures.index(point.trustIndex(), point.responses(), point.responsesSuppressed()),
                        figures.change(point.trustIndexChange(), 1),
                        figures.mean(point.hopeMean(), point.hopeMean() == null
                                && (point.responsesSuppressed() || point.responses() > 0)),
                        figures.change(point.hopeMeanChange(), 1)))
                .toList();
        List<ChildRow> children = page.children().stream()
                .map(child -> new ChildRow(child.scope().id(), childHref.apply(child.scope().id()), child.sessions(),
                        figures.count(child.responses(), child.responsesSuppressed()),
                        figures.index(child.valuesIndex(), child.responses(), child.responsesSuppressed()),
                        figures.index(child.trustIndex(), child.responses(), child.responsesSuppressed()),
                        figures.mean(child.hope().mean(), child.hope().suppressed())))
                .toList();
        Scope scope = dashboard.scope();
        List<ModeRow> byMode = byMode(dashboard, figures);
        return new DashboardView(dashboard.agencyId(), scope.type().name().toLowerCase(java.util.Locale.ROOT),
                scope.id(), crumbs, dashboard.from(), dashboard.to(),
                granularity.name().toLowerCase(java.util.Locale.ROOT), page.minCellSize(), figures.fewerThanK(), strengths, headline, rates,
                dashboard.harmReports(), series, trendData.apply(dashboard.series()),
                items.stream().filter(row -> row.group().equals(ItemKind.VALUE.name())).toList(),
                items.stream().filter(row -> row.group().equals(ItemKind.PRINCIPLE.name())).toList(),
                switch (scope.type()) {
                    case AGENCY -> "Programs";
                    case PROGRAM -> "Specialists in this program";
                    case SPECIALIST -> null;
                },
                children, byMode, byMode.stream().anyMatch(row -> !row.suppressed()));
    }

    private static List<ModeRow> byMode(Dashboard dashboard, PageFigures figures) {
        ModeScores ownDevice = mode(dashboard, CollectionMode.OWN_DEVICE);
        ModeScores kiosk = mode(dashboard, CollectionMode.KIOSK);
        if (ownDevice == null || kiosk == null) {
            return List.of();
        }
        List<ModeRow> rows = new ArrayList<>();
        rows.add(modeRow(ownDevice.hope(), kiosk.hope(), figures));
        for (int item = 0; item < ownDevice.items().size() && item < kiosk.items().size(); item++) {
            rows.add(modeRow(ownDevice.items().get(item), kiosk.items().get(item), figures));
        }
        return rows;
    }

    private static ModeScores mode(Dashboard dashboard, CollectionMode mode) {
        return dashboard.byMode().stream().filter(scores -> scores.mode() == mode).findFirst().orElse(null);
    }

    private static ModeRow modeRow(ItemScore ownDevice, ItemScore kiosk, PageFigures figures) {
        boolean suppressed = ownDevice.suppressed() || kiosk.suppressed();
        return new ModeRow(ownDevice.code(),
                figures.mean(ownDevice.mean(), suppressed),
                figures.percent(ownDevice.topBoxRate(), suppressed, PageFigures.NOTHING_YET),
                figures.count(ownDevice.responses(), suppressed),
                figures.mean(kiosk.mean(), suppressed),
                figures.percent(kiosk.topBoxRate(), suppressed, PageFigures.NOTHING_YET),
                figures.count(kiosk.responses(), suppressed),
                suppressed);
    }

    private static ItemRow row(ItemScore item, Long asked, PageFigures figures) {
        return new ItemRow(item.code(), item.kind().name(), figures.mean(item.mean(), item.suppressed()),
                figures.percent(item.topBoxRate(), item.suppressed(), PageFigures.NOTHING_YET),
                figures.count(item.responses(), item.suppressed()),
                item.suppressed() ? null : item.mean(), segments(item.distribution()), item.suppressed(),
                item.suppressed() ? null : asked);
    }

    private static List<Segment> segments(List<Long> distribution) {
        if (distribution == null) {
            return List.of();
        }
        long total = distribution.stream().mapToLong(Long::longValue).sum();
        List<Segment> segments = new ArrayList<>();
        double x = 0;
        for (int rating = 1; rating <= distribution.size() && total > 0; rating++) {
            long answers = distribution.get(rating - 1);
            double width = 100.0 * answers / total;
            if (answers > 0) {
                segments.add(new Segment(rating, x, width, answers));
            }
            x += width;
        }
        return segments;
    }
}
