package org.peerpulse.indicators.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.peerpulse.indicators.domain.Dashboard;
import org.peerpulse.indicators.domain.ItemScore;
import org.peerpulse.indicators.domain.PeriodPoint;

/** A dashboard on the wire, as DESIGN §5 shows it. */
public record DashboardResponse(
        String agencyId,
        ScopeView scope,
        LocalDate from,
        LocalDate to,
        long sessions,
        long invitations,
        long responses,
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

    public record HopeView(Long responses, Double mean, Double topBoxRate, boolean suppressed) {

        static HopeView of(ItemScore hope) {
            return new HopeView(hope.responses(), hope.mean(), hope.topBoxRate(), hope.suppressed());
        }
    }

    /** @param group {@code VALUE} or {@code PRINCIPLE} */
    public record ItemView(String code, String group, Long responses, Double mean, Double topBoxRate,
            boolean suppressed) {

        static ItemView of(ItemScore item) {
            return new ItemView(item.code(), item.kind().name(), item.responses(), item.mean(), item.topBoxRate(),
                    item.suppressed());
        }
    }

    public record PeriodView(String period, long sessions, long responses, Double valuesIndex, Double trustIndex) {

        static PeriodView of(PeriodPoint point) {
            return new PeriodView(point.period(), point.sessions(), point.responses(), point.valuesIndex(),
                    point.trustIndex());
        }
    }
}
