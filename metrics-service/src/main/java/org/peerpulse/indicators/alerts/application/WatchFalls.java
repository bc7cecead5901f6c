package org.peerpulse.indicators.alerts.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.peerpulse.indicators.agencies.domain.Agencies;
import org.peerpulse.indicators.agencies.domain.AgencyCalendar;
import org.peerpulse.indicators.agencies.domain.AgencySettings;
import org.peerpulse.indicators.alerts.domain.Alert;
import org.peerpulse.indicators.alerts.domain.AlertKind;
import org.peerpulse.indicators.alerts.domain.Alerts;
import org.peerpulse.indicators.alerts.domain.Delivery;
import org.peerpulse.indicators.alerts.domain.Fall;
import org.peerpulse.indicators.dashboards.application.DashboardQuery;
import org.peerpulse.indicators.dashboards.application.ReadDashboard;
import org.peerpulse.indicators.dashboards.domain.AgencyDashboards;
import org.peerpulse.indicators.dashboards.domain.Dashboard;
import org.peerpulse.indicators.dashboards.domain.Granularity;
import org.peerpulse.indicators.dashboards.domain.ItemScore;
import org.peerpulse.indicators.dashboards.domain.Scope;

/**
 * Falls against the period before, checked off the ingest path like the floors ({@link WatchIndexFloors}):
 * counting notes which agencies it moved ({@link #moved}), and {@link #check}, on the schedule, reads each noted
 * agency's dashboards over the trailing {@link #PERIOD_DAYS} days up to today in the agency's zone and over the
 * {@link #PERIOD_DAYS} days before them, with the dashboards' small-cell rule. Every program and every
 * specialist with answers in the trailing days is compared by {@link Fall#between} with the agency's dashboard
 * k: an item mean down a point or more, the values or TRUST index down ten or more, each side on at least k
 * answers and shown (a hidden statistic never alerts).
 *
 * <p>Once per scope and period: the days are numbered in periods of {@link #PERIOD_DAYS} from 1970-01-01 (in the
 * agency's zone), and a fall's alert id is derived from agency, scope, kind, item and the number of the period
 * today falls in. Later checks in the same period, a second instance, or a restart name the same alert and open
 * nothing; the next period may alert again if the scope is still falling against its own previous 30 days. A
 * resolved fall alert is therefore not reopened in its period either. No activeKey: unlike a floor, a fall is
 * an event of one period, not a standing condition. Nothing noted is kept across a restart; the next event of
 * the agency, or its settings at start, notes it again.
 */
public class WatchFalls {

    public static final int PERIOD_DAYS = 30;

    private final ReadDashboard readDashboard;
    private final Alerts alerts;
    private final Agencies agencies;
    private final AgencyCalendar calendar;
    private final Clock clock;
    private final Set<String> noted = ConcurrentHashMap.newKeySet();

    public WatchFalls(ReadDashboard readDashboard, Alerts alerts, Agencies agencies, AgencyCalendar calendar,
            Clock clock) {
        this.readDashboard = readDashboard;
        this.alerts = alerts;
        this.agencies = agencies;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Counting moved this agency, or its settings changed (a new k or zone): check it at the next run. */
    public void moved(String agencyId) {
        noted.add(agencyId);
    }

    /** Checks every agency noted since the last run; answers the alerts opened, by kind. */
    public Map<AlertKind, Integer> check() {
        Map<AlertKind, Integer> opened = new EnumMap<>(AlertKind.class);
        for (String agencyId : List.copyOf(noted)) {
            noted.remove(agencyId);
            AgencySettings settings = agencies.of(agencyId);
            LocalDate today = calendar.today(agencyId, clock);
            long period = Math.floorDiv(today.toEpochDay(), PERIOD_DAYS);
            LocalDate from = today.minusDays(PERIOD_DAYS - 1);
            AgencyDashboards now = readDashboard.readAgency(
                    new DashboardQuery(agencyId, Scope.agency(agencyId), from, today, Granularity.MONTH));
            AgencyDashboards before = readDashboard.readAgency(new DashboardQuery(agencyId, Scope.agency(agencyId),
                    from.minusDays(PERIOD_DAYS), from.minusDays(1), Granularity.MONTH));
            int k = settings.dashboards().k();
            for (String program : now.roster().programs()) {
                watch(agencyId, Scope.program(program), program, null, now, before, k, period, settings, opened);
            }
            for (String specialist : now.roster().specialists()) {
                watch(agencyId, Scope.specialist(specialist), null, specialist, now, before, k, period, settings,
                        opened);
            }
        }
        return opened;
    }

    private void watch(String agencyId, Scope scope, String programId, String specialistId, AgencyDashboards now,
            AgencyDashboards before, int k, long period, AgencySettings settings, Map<AlertKind, Integer> opened) {
        for (Fall fall : Fall.between(figures(before.of(scope)), figures(now.of(scope)), k)) {
            Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            String scopeType = programId != null ? "program" : "specialist";
            Alert alert = Alert.fell(fall.alertId(agencyId, scopeType, scope.id(), period), fall, agencyId, programId,
                    specialistId, at, Delivery.opening(settings.alertWebhookUrl(), at));
            if (alerts.open(alert)) {
                opened.merge(fall.kind(), 1, Integer::sum);
            }
        }
    }

    /**
     * A dashboard's shown figures. When the answer count itself is hidden (it would give away an item's count),
     * the most answered shown item stands for it: every shown item already rests on at least k answers.
     */
    static Fall.Figures figures(Dashboard dashboard) {
        Map<String, Fall.ItemMean> items = new HashMap<>();
        long most = 0;
        for (ItemScore item : dashboard.items()) {
            most = add(item, items, most);
        }
        if (dashboard.hope() != null) {
            most = add(dashboard.hope(), items, most);
        }
        Long responses = dashboard.responses() != null ? dashboard.responses() : most > 0 ? Long.valueOf(most) : null;
        return new Fall.Figures(responses, dashboard.valuesIndex(), dashboard.trustIndex(), items);
    }

    private static long add(ItemScore item, Map<String, Fall.ItemMean> items, long most) {
        if (item.suppressed() || item.mean() == null || item.responses() == null) {
            return most;
        }
        items.put(item.code(), new Fall.ItemMean(item.responses(), item.mean()));
        return Math.max(most, item.responses());
    }
}
