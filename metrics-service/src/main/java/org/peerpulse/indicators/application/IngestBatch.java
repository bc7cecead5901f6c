package org.peerpulse.indicators.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.peerpulse.contracts.EventIds;
import org.peerpulse.indicators.domain.Agencies;
import org.peerpulse.indicators.domain.AgencyDashboards;
import org.peerpulse.indicators.domain.AgencyCalendar;
import org.peerpulse.indicators.domain.AgencySettings;
import org.peerpulse.indicators.domain.Alert;
import org.peerpulse.indicators.domain.AlertKind;
import org.peerpulse.indicators.domain.Alerts;
import org.peerpulse.indicators.domain.ConsumedEvent;
import org.peerpulse.indicators.domain.Dashboard;
import org.peerpulse.indicators.domain.FloorBreach;
import org.peerpulse.indicators.domain.Granularity;
import org.peerpulse.indicators.domain.ReceivedFeedback;
import org.peerpulse.indicators.domain.Scope;

/**
 * What one consumed batch means to metrics-service, as the listener's single call: the alerts it raises
 * and its counts. {@link ApplyEvents} stays the exactly-once counting on its own (and is tested so);
 * this use case puts the alerts around it, because both depend on the same batch and must be repeated
 * together when the batch is redelivered.
 *
 * <ol>
 * <li>Every harm report opens its alert first, before any counting, so that a rollup outage or
 * contention never delays it. The alert's id comes from the feedback's event id, so a redelivery, a
 * copy at a new offset or a replay of the topic finds it there and opens nothing. A harm report for a
 * voided session (void read before or after it) still opens its alert: the session no longer counts
 * in the indicators, but a participant said they were harmed, and safety comes first.</li>
 * <li>The batch is applied to the facts and rollups ({@link ApplyEvents}).</li>
 * <li>If it counted anything, each agency it touched that set an index floor, and each program of
 * that agency it touched, is read as its dashboard over the trailing window (the last 30 days up to
 * today in the agency's zone, through {@link ReadDashboard}, with the dashboards' small-cell rule) and
 * every index below its floor opens an alert unless one of that kind and scope is still open or
 * acknowledged. A suppressed index never alerts.</li>
 * </ol>
 * Every step is safe to repeat, so a batch that fails anywhere is simply retried whole.
 */
public class IngestBatch {

    private final ApplyEvents applyEvents;
    private final ReadDashboard readDashboard;
    private final Alerts alerts;
    private final Agencies agencies;
    private final AgencyCalendar calendar;
    private final Clock clock;

    public IngestBatch(ApplyEvents applyEvents, ReadDashboard readDashboard, Alerts alerts, Agencies agencies,
            AgencyCalendar calendar, Clock clock) {
        this.applyEvents = applyEvents;
        this.readDashboard = readDashboard;
        this.alerts = alerts;
        this.agencies = agencies;
        this.calendar = calendar;
        this.clock = clock;
    }

    public IngestedBatch ingest(EventBatch batch) {
        Map<AlertKind, Integer> opened = new EnumMap<>(AlertKind.class);
        openHarmAlerts(batch, opened);
        AppliedBatch applied = applyEvents.apply(batch);
        if (applied.eventsCounted() > 0) {
            watchIndexFloors(batch, opened);
        }
        return new IngestedBatch(applied, opened);
    }

    private void openHarmAlerts(EventBatch batch, Map<AlertKind, Integer> opened) {
        for (ConsumedEvent consumed : batch.events()) {
            if (consumed.event() instanceof ReceivedFeedback feedback && feedback.harmReported()) {
                // The alert counts from when the participant reported harm (not from when it was read here), so
                // its age and the time to acknowledge it include any delay on the way; never later than now.
                Instant now = now();
                Instant submitted = feedback.submittedAt().truncatedTo(ChronoUnit.MILLIS);
                Instant reported = submitted.isBefore(now) ? submitted : now;
                Alert alert = Alert.harmReport(feedback,
                        calendar.dayOf(feedback.cell().agencyId(), feedback.sessionAt()), reported);
                if (alerts.open(alert)) {
                    opened.merge(AlertKind.HARM_REPORT, 1, Integer::sum);
                }
            }
        }
    }

    private void watchIndexFloors(EventBatch batch, Map<AlertKind, Integer> opened) {
        Map<String, Set<String>> programsByAgency = new LinkedHashMap<>();
        for (ConsumedEvent consumed : batch.events()) {
            programsByAgency.computeIfAbsent(consumed.event().cell().agencyId(), agency -> new LinkedHashSet<>())
                    .add(consumed.event().cell().programId());
        }
        programsByAgency.forEach((agencyId, programs) -> {
            AgencySettings settings = agencies.of(agencyId);
            if (!FloorBreach.watched(settings)) {
                return;
            }
            // No dates: the dashboard's default, the 30 days up to today in the agency's zone; one read of
            // the agency's rollups serves the agency and every program the batch touched.
            AgencyDashboards trailing = readDashboard.readAgency(
                    new DashboardQuery(agencyId, Scope.agency(agencyId), null, null, Granularity.DAY));
            watch(agencyId, trailing.of(Scope.agency(agencyId)), null, settings, opened);
            programs.forEach(program -> watch(agencyId, trailing.of(Scope.program(program)), program, settings,
                    opened));
        });
    }

    private void watch(String agencyId, Dashboard trailing, String programId, AgencySettings settings,
            Map<AlertKind, Integer> opened) {
        for (FloorBreach breach : FloorBreach.of(settings, trailing.valuesIndex(), trailing.trustIndex())) {
            if (alerts.open(Alert.indexBelowFloor(EventIds.newId(), breach, agencyId, programId, now()))) {
                opened.merge(breach.kind(), 1, Integer::sum);
            }
        }
    }

    /** Milliseconds: what the store keeps, so an alert reads back as it was opened. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
