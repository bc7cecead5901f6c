package org.peerpulse.indicators.dashboards.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.peerpulse.indicators.dashboards.domain.Dashboard;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.peerpulse.indicators.dashboards.domain.ItemScore;
import org.peerpulse.indicators.dashboards.domain.ModeScores;
import org.peerpulse.indicators.dashboards.domain.PeriodPoint;

/**
 * A dashboard on the wire, as DESIGN §5 shows it, plus fields added since (never renamed): {@code
 * responsesSuppressed}, each item's and hope's {@code distribution} (counts of 1..5), and per trend point
 * {@code responsesSuppressed}, {@code hopeMean} and the changes from the period before; each item's {@code asked}
 * (forms that asked it) and {@code byMode} (the item statistics of own-device and of kiosk answers). A hidden
 * statistic is {@code null}; {@code responses} and {@code responseRate} are {@code null} when fewer than k
 * answered.
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
        List<PeriodView> series,
        @Schema(description = "The item statistics split by how the forms were collected. An item (or hope) is shown"
                + " in both modes or in neither: where either mode rests on fewer than k answers, or the item's"
                + " total is hidden, both are suppressed, so neither can be worked out from the total.")
        ByModeView byMode) {

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
                dashboard.items().stream().map(item -> ItemView.of(item, dashboard.askedOf(item.code()))).toList(),
                dashboard.harmReports(),
                dashboard.signatureStrengths(),
                dashboard.series().stream().map(PeriodView::of).toList(),
                ByModeView.of(dashboard.byMode()));
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
     * @param asked how many forms asked the item (forms rotate, so it can be fewer than were answered); {@code
     *     null} when suppressed, like the item, or when it would give back a hidden response count
     * @param distribution how many answered 1, 2, 3, 4 and 5; {@code null} when suppressed
     */
    public record ItemView(String code, String group, Long responses,
            @Schema(description = "How many forms asked this item: forms rotate, so fewer may ask it than were"
                    + " answered. A count of forms, not of people; null when suppressed.")
            Long asked,
            Double mean, Double topBoxRate, List<Long> distribution, boolean suppressed) {

        static ItemView of(ItemScore item, Long asked) {
            return new ItemView(item.code(), item.kind().name(), item.responses(), item.suppressed() ? null : asked,
                    item.mean(), item.topBoxRate(), item.distribution(), item.suppressed());
        }
    }

    /** The item statistics of own-device answers and of kiosk answers, as the contract names the modes. */
    public record ByModeView(
            @JsonProperty("OWN_DEVICE") @Schema(description = "Answers given on the participant's own device")
            ModeView ownDevice,
            @JsonProperty("KIOSK") @Schema(description = "Answers given on the agency's kiosk (a shared tablet)")
            ModeView kiosk) {

        static ByModeView of(List<ModeScores> byMode) {
            ModeView ownDevice = ModeView.EMPTY;
            ModeView kiosk = ModeView.EMPTY;
            for (ModeScores mode : byMode) {
                switch (mode.mode()) {
                    case OWN_DEVICE -> ownDevice = ModeView.of(mode);
                    case KIOSK -> kiosk = ModeView.of(mode);
                }
            }
            return new ByModeView(ownDevice, kiosk);
        }
    }

    /** One mode's hope and items, each with {@code suppressed} as in the dashboard's own. */
    public record ModeView(HopeView hope, List<ModeItemView> items) {

        static final ModeView EMPTY = new ModeView(new HopeView(null, null, null, null, true), List.of());

        static ModeView of(ModeScores mode) {
            return new ModeView(HopeView.of(mode.hope()), mode.items().stream().map(ModeItemView::of).toList());
        }
    }

    /** @param group {@code VALUE} or {@code PRINCIPLE} */
    public record ModeItemView(String code, String group, Long responses, Double mean, Double topBoxRate,
            List<Long> distribution, boolean suppressed) {

        static ModeItemView of(ItemScore item) {
            return new ModeItemView(item.code(), item.kind().name(), item.responses(), item.mean(), item.topBoxRate(),
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
