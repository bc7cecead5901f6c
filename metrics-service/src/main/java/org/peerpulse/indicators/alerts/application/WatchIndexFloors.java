package org.peerpulse.indicators.alerts.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.peerpulse.contracts.EventIds;
import org.peerpulse.indicators.agencies.domain.Agencies;
import org.peerpulse.indicators.agencies.domain.AgencySettings;
import org.peerpulse.indicators.alerts.domain.Alert;
import org.peerpulse.indicators.alerts.domain.AlertKind;
import org.peerpulse.indicators.alerts.domain.Alerts;
import org.peerpulse.indicators.alerts.domain.Delivery;
import org.peerpulse.indicators.alerts.domain.FloorBreach;
import org.peerpulse.indicators.counting.domain.CountsMoved;
import org.peerpulse.indicators.dashboards.application.DashboardQuery;
import org.peerpulse.indicators.dashboards.application.ReadDashboard;
import org.peerpulse.indicators.dashboards.domain.AgencyDashboards;
import org.peerpulse.indicators.dashboards.domain.Dashboard;
import org.peerpulse.indicators.dashboards.domain.Granularity;
import org.peerpulse.indicators.dashboards.domain.Scope;

/**
 * Index floors, checked off the ingest path: counting only notes which agencies and programs it moved
 * ({@link #moved}), and {@link #check}, run on a schedule, reads each noted agency that set a floor as its
 * dashboard over the trailing window (the last 30 days up to today in the agency's zone, with the
 * dashboards' small-cell rule), and every index of the agency or a noted program below its floor opens an
 * alert unless one of that kind and scope is still open or acknowledged. A suppressed index never alerts.
 * An agency whose settings changed ({@link #settingsChanged}) is checked too, with all its programs in the
 * window, so a floor set above today's index alerts without waiting for an event. What was noted but not yet
 * checked when the process stops is checked again after the next event of that agency, or at start, when
 * every agency's settings are read again; no count depends on it.
 */
public class WatchIndexFloors implements CountsMoved {

    private final ReadDashboard readDashboard;
    private final Alerts alerts;
    private final Agencies agencies;
    private final Clock clock;
    private final Map<String, Set<String>> moved = new ConcurrentHashMap<>();
    private final Set<String> resettled = ConcurrentHashMap.newKeySet();

    public WatchIndexFloors(ReadDashboard readDashboard, Alerts alerts, Agencies agencies, Clock clock) {
        this.readDashboard = readDashboard;
        this.alerts = alerts;
        this.agencies = agencies;
        this.clock = clock;
    }

    /** Counting moved this program of this agency: check it at the next run. */
    @Override
    public void moved(String agencyId, String programId) {
        moved.computeIfAbsent(agencyId, agency -> ConcurrentHashMap.newKeySet()).add(programId);
    }

    /**
     * The agency's settings changed (a new floor, k or zone): check it and every program in its trailing window at
     * the next run, without waiting for an event, since a floor set above today's index is already breached.
     */
    public void settingsChanged(String agencyId) {
        resettled.add(agencyId);
    }

    /** Checks what was moved, or whose settings changed, since the last run; answers the alerts opened, by kind. */
    public Map<AlertKind, Integer> check() {
        Map<AlertKind, Integer> opened = new EnumMap<>(AlertKind.class);
        Set<String> noted = new HashSet<>(moved.keySet());
        noted.addAll(resettled);
        for (String agencyId : noted) {
            Set<String> programs = moved.remove(agencyId);
            boolean everyProgram = resettled.remove(agencyId);
            AgencySettings settings = agencies.of(agencyId);
            if ((programs == null && !everyProgram) || !FloorBreach.watched(settings)) {
                continue;
            }
            // No dates: the dashboard's default, the 30 days up to today in the agency's zone; one read of the
            // agency's rollups serves the agency and every program to check.
            AgencyDashboards trailing = readDashboard.readAgency(
                    new DashboardQuery(agencyId, Scope.agency(agencyId), null, null, Granularity.DAY));
            Set<String> checked = new TreeSet<>(programs == null ? Set.of() : programs);
            if (everyProgram) {
                checked.addAll(trailing.roster().programs());
            }
            watch(agencyId, trailing.of(Scope.agency(agencyId)), null, settings, opened);
            checked.forEach(program -> watch(agencyId, trailing.of(Scope.program(program)), program, settings,
                    opened));
        }
        return opened;
    }

    private void watch(String agencyId, Dashboard trailing, String programId, AgencySettings settings,
            Map<AlertKind, Integer> opened) {
        for (FloorBreach breach : FloorBreach.of(settings, trailing.valuesIndex(), trailing.trustIndex())) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Alert alert = Alert.indexBelowFloor(EventIds.newId(), breach, agencyId, programId, now,
                    Delivery.opening(settings.alertWebhookUrl(), now));
            if (alerts.open(alert)) {
                opened.merge(breach.kind(), 1, Integer::sum);
            }
        }
    }
}
