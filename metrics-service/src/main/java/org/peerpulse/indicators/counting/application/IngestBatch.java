package org.peerpulse.indicators.counting.application;

import java.util.Collection;

import org.peerpulse.indicators.agencies.domain.AgencyCalendar;
import org.peerpulse.indicators.counting.domain.ConsumedEvent;
import org.peerpulse.indicators.counting.domain.CountsMoved;
import org.peerpulse.indicators.counting.domain.HarmReports;
import org.peerpulse.indicators.counting.domain.ReceivedFeedback;
import org.peerpulse.indicators.counting.domain.SourcePartition;

/**
 * What one consumed batch means to metrics-service, as the listener's single call: its harm reports and its
 * counts. {@link ApplyEvents} stays the exactly-once counting on its own (and is tested so); this use case
 * puts around it what must be repeated with it when the batch is redelivered.
 *
 * <ol>
 * <li>Every harm report is handed on first ({@link HarmReports}), before any counting, so that a rollup
 * outage or contention never delays its alert; a report read again opens nothing. A report whose session is
 * later voided keeps its alert (its withdrawal is only a count): a participant said they were harmed, and
 * safety comes first.</li>
 * <li>The batch is applied to the rollups ({@link ApplyEvents}).</li>
 * <li>If it counted anything, the agencies and programs it moved are told ({@link CountsMoved}), for the
 * checks that run off this path.</li>
 * </ol>
 * Every step is safe to repeat, so a batch that fails anywhere is simply retried whole.
 */
public class IngestBatch {

    private final ApplyEvents applyEvents;
    private final HarmReports harmReports;
    private final CountsMoved countsMoved;
    private final AgencyCalendar calendar;

    public IngestBatch(ApplyEvents applyEvents, HarmReports harmReports, CountsMoved countsMoved,
            AgencyCalendar calendar) {
        this.applyEvents = applyEvents;
        this.harmReports = harmReports;
        this.countsMoved = countsMoved;
        this.calendar = calendar;
    }

    public IngestedBatch ingest(EventBatch batch) {
        int opened = 0;
        for (ConsumedEvent consumed : batch.events()) {
            if (consumed.event() instanceof ReceivedFeedback feedback && feedback.harmReported()
                    && harmReports.reported(feedback, calendar.dayOf(feedback.cell().agencyId(), feedback.sessionAt()))) {
                opened++;
            }
        }
        AppliedBatch applied = applyEvents.apply(batch);
        if (applied.eventsCounted() > 0) {
            batch.events().forEach(consumed -> countsMoved.moved(consumed.event().cell().agencyId(),
                    consumed.event().cell().programId()));
        }
        return new IngestedBatch(applied, opened);
    }

    /** This instance no longer reads these partitions (a rebalance): what it kept about them is read again when met. */
    public void released(Collection<SourcePartition> partitions) {
        applyEvents.forget(partitions);
    }
}
