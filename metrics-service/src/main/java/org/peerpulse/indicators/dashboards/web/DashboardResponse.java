package org.peerpulse.indicators.dashboards.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.peerpulse.indicators.dashboards.domain.Dashboard;
import org.peerpulse.indicators.dashboards.domain.ItemScore;
import org.peerpulse.indicators.dashboards.domain.PeriodPoint;

/**
 * A dashboard on the wire, as DESIGN §5 shows it, plus fields added since (never renamed): {@code
 * responsesSuppressed}, each item's and hope's {@code distribution} (counts of 1..5), and per trend point
 * {@code responsesSuppressed}, {@code hopeMean} and the changes from the period before. A hidden statistic
 * is {@code null}; {@code responses} and {@code responseRate} are {@code null} when fewer than k answered.
 */
public record DashboardResponse(
        String agencyId,
        ScopeView scope,
        LocalDate from,
        LocalDate to,
        long sessions,
        long invitations,
        Long responses,
        boolean responsesSuppressed,
        Double responseRate,
        Double peerRoleShare,
        Double strengthsAcknowledgedRate,
        Double recoveryFocusRate,
        Double valuesIndex,
        Double trustIndex,
        HopeView hope,
        List<ItemView> items,
        long harmReports,
        List<String> signatureStrengths,
        List<PeriodView> series) {

    static DashboardResponse of(Dashboard dashboard) {
        return new DashboardResponse(
                dashboard.agencyId(),
                new ScopeView(dashboard.scope().type().name().toLowerCase(Locale.ROOT), dashboard.scope().id()),
                dashboard.from(),
                dashboard.to(),
                dashboard.sessions(),
                dashboard.invitations(),
                dashboard.responses(),
                dashboard.responsesSuppressed(),
                dashboard.responseRate(),
                dashboard.peerRoleShare(),
                dashboard.strengthsAcknowledgedRate(),
                dashboard.recoveryFocusRate(),
                dashboard.valuesIndex(),
                dashboard.trustIndex(),
                HopeView.of(dashboard.hope()),
                dashboard.items().stream().map(ItemView::of).toList(),
                dashboard.harmReports(),
                dashboard.signatureStrengths(),
                dashboard.series().stream().map(PeriodView::of).toList());
    }

    /** @param type {@code agency}, {@code program} or {@code specialist} */
    public record ScopeView(String type, String id) {
    }

    /** @param distribution how many answered 1, 2, 3, 4 and 5; {@code null} when suppressed */
    public record HopeView(Long responses, Double mean, Double topBoxRate, List<Long> distribution,
            boolean suppressed) {

        static HopeView of(ItemScore hope) {
            return new HopeView(hope.responses(), hope.mean(), hope.topBoxRate(), hope.distribution(),
                    hope.suppressed());
        }
    }

    /**
     * @param group {@code VALUE} or {@code PRINCIPLE}
     * @param distribution how many answered 1, 2, 3, 4 and 5; {@code null} when suppressed
     */
    public record ItemView(String code, String group, Long responses, Double mean, Double topBoxRate,
            List<Long> distribution, boolean suppressed) {

        static ItemView of(ItemScore item) {
            return new ItemView(item.code(), item.kind().name(), item.responses(), item.mean(), item.topBoxRate(),
                    item.distribution(), item.suppressed());
        }
    }

    /** @param valuesIndexChange change from the period before (the first point: the period before {@code from}) */
    public record PeriodView(String period, long sessions, Long responses, boolean responsesSuppressed,
            Double valuesIndex, Double trustIndex, Double hopeMean, Double valuesIndexChange,
            Double trustIndexChange, Double hopeMeanChange) {

        static PeriodView of(PeriodPoint point) {
            return new PeriodView(point.period(), point.sessions(), point.responses(), point.responsesSuppressed(),
                    point.valuesIndex(), point.trustIndex(), point.hopeMean(), point.valuesIndexChange(),
                    point.trustIndexChange(), point.hopeMeanChange());
        }
    }
}
