package org.peerpulse.indicators.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

import org.peerpulse.indicators.domain.AgencyCalendar;
import org.peerpulse.indicators.domain.Alert;
import org.peerpulse.indicators.domain.AlertKind;
import org.peerpulse.indicators.domain.Alerts;
import org.peerpulse.indicators.domain.ConsumedEvent;
import org.peerpulse.indicators.domain.ReceivedFeedback;
import org.peerpulse.indicators.domain.SourcePartition;

/**
 * What one consumed batch means to metrics-service, as the listener's single call: the harm alerts it raises
 * and its counts. {@link ApplyEvents} stays the exactly-once counting on its own (and is tested so); this use
 * case puts the alerts around it, because both depend on the same batch and must be repeated together when
 * the batch is redelivered.
 *
 * <ol>
 * <li>Every harm report opens its alert first, before any counting, so that a rollup outage or
 * contention never delays it. The alert's id comes from the feedback's event id, so a redelivery, a
 * copy at a new offset or a replay of the topic finds it there and opens nothing. A harm report whose
 * session is later voided keeps its alert (its withdrawal opens nothing): the session no longer counts in
 * the indicators, but a participant said they were harmed, and safety comes first.</li>
 * <li>The batch is applied to the rollups ({@link ApplyEvents}).</li>
 * <li>If it counted anything, the agencies and programs it moved are noted for the index floors, which are
 * checked off this path ({@link WatchIndexFloors}).</li>
 * </ol>
 * Every step is safe to repeat, so a batch that fails anywhere is simply retried whole.
 */
public class IngestBatch {

    private final ApplyEvents applyEvents;
    private final WatchIndexFloors floors;
    private final Alerts alerts;
    private final AgencyCalendar calendar;
    private final Clock clock;

    public IngestBatch(ApplyEvents applyEvents, WatchIndexFloors floors, Alerts alerts, AgencyCalendar calendar,
            Clock clock) {
        this.applyEvents = applyEvents;
        this.floors = floors;
        this.alerts = alerts;
        this.calendar = calendar;
        this.clock = clock;
    }

    public IngestedBatch ingest(EventBatch batch) {
        Map<AlertKind, Integer> opened = new EnumMap<>(AlertKind.class);
        openHarmAlerts(batch, opened);
        AppliedBatch applied = applyEvents.apply(batch);
        if (applied.eventsCounted() > 0) {
            batch.events().forEach(consumed -> floors.moved(consumed.event().cell().agencyId(),
                    consumed.event().cell().programId()));
        }
        return new IngestedBatch(applied, opened);
    }

    /** This instance no longer reads these partitions (a rebalance): what it kept about them is read again when met. */
    public void released(Collection<SourcePartition> partitions) {
        applyEvents.forget(partitions);
    }

    private void openHarmAlerts(EventBatch batch, Map<AlertKind, Integer> opened) {
        for (ConsumedEvent consumed : batch.events()) {
            if (consumed.event() instanceof ReceivedFeedback feedback && feedback.harmReported()) {
                // The alert counts from when the participant reported harm (not from when it was read here), so
                // its age and the time to acknowledge it include any delay on the way; never later than now.
                Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
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
}
