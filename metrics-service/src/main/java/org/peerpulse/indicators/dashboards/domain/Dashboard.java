package org.peerpulse.indicators.dashboards.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.peerpulse.contracts.QualityFramework;
import org.peerpulse.indicators.agencies.domain.SmallCellRule;
import org.peerpulse.indicators.counting.domain.CellRollup;

/**
 * The indicators of one scope over one period, computed from day rollups only, so the cost depends on
 * the number of days and cells, never on the number of events.
 *
 * <p>Rates have three decimals, means two, indices one; a rate with nothing to divide by is {@code null}.
 * An index is ({@code mean of the group's item means} − 1) ÷ 4 × 100 over the items that are shown, and
 * {@code null} when none is. What is hidden follows the agency's {@link Disclosure}: a statistic on fewer
 * than k responses, or one that shown numbers would give back by subtraction. Session-based numbers
 * (sessions, invitations, the session rates) and harm reports are about the specialists' own logging and
 * the quality lead's duty of care, and stay shown.
 *
 * @param responses feedback received; {@code null} when {@code responsesSuppressed}
 * @param responsesSuppressed the response count is hidden, and with it the response rate, because under a
 *     framework that asks every item it would tell how many answered each item
 * @param hope the hope item, suppressed like any other
 * @param items the values then the TRUST principles, in framework order
 * @param signatureStrengths up to three codes of the best-scoring items that are shown, best first
 * @param series one point per day, week or month of the range, each with its change from the period before
 * @param asked per item code, how many forms asked it; an item whose count is hidden ({@link Disclosure}) is
 *     absent. Forms, not people: with rotating forms an item is asked on fewer forms than were answered
 * @param byMode the item statistics split by collection mode, own device then kiosk
 */
public record Dashboard(
        String agencyId,
        Scope scope,
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
        ItemScore hope,
        List<ItemScore> items,
        long harmReports,
        List<String> signatureStrengths,
        List<PeriodPoint> series,
        Map<String, Long> asked,
        List<ModeScores> byMode) {

    public Dashboard {
        items = List.copyOf(items);
        signatureStrengths = List.copyOf(signatureStrengths);
        series = List.copyOf(series);
        asked = Map.copyOf(asked == null ? Map.of() : asked);
        byMode = List.copyOf(byMode == null ? List.of() : byMode);
    }

    /** A dashboard that says nothing of forms asked or of collection modes. */
    public Dashboard(String agencyId, Scope scope, LocalDate from, LocalDate to, long sessions, long invitations,
            Long responses, boolean responsesSuppressed, Double responseRate, Double peerRoleShare,
            Double strengthsAcknowledgedRate, Double recoveryFocusRate, Double valuesIndex, Double trustIndex,
            ItemScore hope, List<ItemScore> items, long harmReports, List<String> signatureStrengths,
            List<PeriodPoint> series) {
        this(agencyId, scope, from, to, sessions, invitations, responses, responsesSuppressed, responseRate,
                peerRoleShare, strengthsAcknowledgedRate, recoveryFocusRate, valuesIndex, trustIndex, hope, items,
                harmReports, signatureStrengths, series, Map.of(), List.of());
    }

    /** How many forms asked item {@code code}; {@code null} when that is hidden. */
    public Long askedOf(String code) {
        return asked.get(code);
    }

    /**
     * One scope's dashboard from its agency's cell rollups; to answer several scopes of one agency, build
     * {@link AgencyDashboards} once instead.
     */
    public static Dashboard compute(String agencyId, Scope scope, DateRange range, Granularity granularity,
            List<CellRollup> agencyRollups, QualityFramework framework, SmallCellRule rule) {
        return AgencyDashboards.of(agencyId, range, granularity, agencyRollups, framework, rule).of(scope);
    }
}
