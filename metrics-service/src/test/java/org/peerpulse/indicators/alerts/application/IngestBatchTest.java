package org.peerpulse.indicators.alerts.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.indicators.agencies.domain.AgencyCalendar;
import org.peerpulse.indicators.agencies.domain.AgencySettings;
import org.peerpulse.indicators.agencies.domain.InMemoryAgencies;
import org.peerpulse.indicators.agencies.domain.SmallCellRule;
import org.peerpulse.indicators.alerts.domain.Alert;
import org.peerpulse.indicators.alerts.domain.AlertKind;
import org.peerpulse.indicators.alerts.domain.AlertNotFound;
import org.peerpulse.indicators.alerts.domain.AlertState;
import org.peerpulse.indicators.alerts.domain.AlertTransitionRefused;
import org.peerpulse.indicators.counting.application.ApplyEvents;
import org.peerpulse.indicators.counting.application.EventBatch;
import org.peerpulse.indicators.counting.application.InMemoryCopyWindows;
import org.peerpulse.indicators.counting.application.InMemoryRollups;
import org.peerpulse.indicators.counting.application.IngestBatch;
import org.peerpulse.indicators.counting.application.IngestedBatch;
import org.peerpulse.indicators.counting.domain.Cell;
import org.peerpulse.indicators.counting.domain.ConsumedEvent;
import org.peerpulse.indicators.counting.domain.IndicatorEvent;
import org.peerpulse.indicators.counting.domain.LoggedSession;
import org.peerpulse.indicators.counting.domain.ReceivedFeedback;
import org.peerpulse.indicators.counting.domain.SourcePosition;
import org.peerpulse.indicators.counting.domain.VoidedSession;
import org.peerpulse.indicators.counting.domain.WithdrawnFeedback;
import org.peerpulse.indicators.dashboards.application.ReadDashboard;

/**
 * What a consumed batch opens, with hand-written fakes: harm alerts once per feedback event whatever
 * happens to its session, index alerts (checked off the ingest path) once per index and scope while open,
 * and the inbox rules.
 */
class IngestBatchTest {

    private static final String SESSIONS = "peerpulse.sessions.v1";
    private static final String FEEDBACK = "peerpulse.feedback.v1";
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Instant SESSION_AT = Instant.parse("2026-11-20T09:00:00Z");
    private static final Cell RIVERA = new Cell("harbor", "warmline", "sp-rivera");

    private final InMemoryRollups rollups = new InMemoryRollups();
    private final InMemoryAlerts alerts = new InMemoryAlerts();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryAgencies agencies = new InMemoryAgencies().set("floored", settings(70.0));
    private final AgencyCalendar calendar = agencies.calendar();
    private final WatchIndexFloors floors = new WatchIndexFloors(new ReadDashboard(rollups, agencies, calendar, clock),
            alerts, agencies, clock);
    private final IngestBatch ingest = new IngestBatch(
            new ApplyEvents(rollups, new InMemoryCopyWindows(), calendar, 1_000),
            new OpenHarmAlerts(alerts, agencies, clock), floors, calendar);
    private long offset;

    @Test
    void aHarmReportOpensOneAlertHoweverOftenItIsReadAndEvenForAVoidedSession() {
        LoggedSession session = session(RIVERA, "s-1");
        ReceivedFeedback harm = feedback(RIVERA, "s-1", Map.of("KINDNESS", 2), true);

        IngestedBatch first = ingest.ingest(batch(at(SESSIONS, session), at(FEEDBACK, harm)));
        ConsumedEvent copy = at(FEEDBACK, harm);
        IngestedBatch again = ingest.ingest(batch(copy, copy, at(SESSIONS, new VoidedSession(UUID.randomUUID(),
                session)), at(FEEDBACK, new WithdrawnFeedback(UUID.randomUUID(), harm))));

        assertThat(first.harmAlertsOpened()).isEqualTo(1);
        assertThat(again.harmAlertsOpened()).isZero();
        assertThat(alerts.all()).singleElement().satisfies(alert -> {
            assertThat(alert.id()).isEqualTo(FeedbackSubmitted.harmAlertId(harm.eventId()));
            assertThat(alert.sessionDate()).isEqualTo(LocalDate.parse("2026-11-20"));
            // From the participant's report, not from when it was read: its age includes any delay on the way.
            assertThat(alert.openedAt()).isEqualTo(harm.submittedAt());
        });
        assertThat(rollups.counts.values()).allSatisfy(counts -> assertThat(counts.harmReports())
                .as("the withdrawal takes the report out of the counts, the alert stays").isZero());
    }

    @Test
    void aHarmReportStampedAfterNowByAnotherServicesClockOpensNow() {
        ReceivedFeedback ahead = new ReceivedFeedback(UUID.randomUUID(), "s-2", RIVERA, SESSION_AT, Map.of(), null,
                true, NOW.plusSeconds(90));

        ingest.ingest(batch(at(FEEDBACK, ahead)));

        assertThat(alerts.all()).singleElement().satisfies(alert -> assertThat(alert.openedAt()).isEqualTo(NOW));
    }

    /** floored: TRUST floor 70; five answers SAFE_ATMOSPHERE 2 give TRUST (2 - 1) / 4 * 100 = 25. */
    @Test
    void anIndexBelowTheFloorOpensOneAlertUntilItIsResolvedAndASuppressedOneNone() {
        Cell cell = new Cell("floored", "warmline", "sp-rivera");
        List<ConsumedEvent> four = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            four.add(at(SESSIONS, session(cell, "s-" + i)));
            four.add(at(FEEDBACK, feedback(cell, "s-" + i, Map.of("SAFE_ATMOSPHERE", 2), false)));
        }
        ingest.ingest(batch(four.toArray(ConsumedEvent[]::new)));
        assertThat(alertsOf("floored")).as("nothing is checked on the ingest path").isEmpty();
        assertThat(floors.check()).as("four answers: the index is suppressed").isEmpty();

        ingest.ingest(batch(at(SESSIONS, session(cell, "s-4")),
                at(FEEDBACK, feedback(cell, "s-4", Map.of("SAFE_ATMOSPHERE", 2), false))));
        assertThat(alertsOf("floored")).isEmpty();
        assertThat(floors.check()).containsEntry(AlertKind.TRUST_INDEX_BELOW_FLOOR, alertsOf("floored").size());
        assertThat(floors.check()).as("nothing moved since").isEmpty();
        Alert agencyWide = alertsOf("floored").stream().filter(alert -> alert.programId() == null).findFirst()
                .orElseThrow();
        assertThat(agencyWide.index()).isEqualTo(25.0);
        assertThat(agencyWide.floor()).isEqualTo(70.0);

        int opened = alertsOf("floored").size();
        ingest.ingest(batch(at(SESSIONS, session(cell, "s-5")),
                at(FEEDBACK, feedback(cell, "s-5", Map.of("SAFE_ATMOSPHERE", 1), false))));
        floors.check();
        assertThat(alertsOf("floored")).hasSize(opened);

        new ResolveAlert(alerts, clock).resolve(new AlertCommand("floored", agencyWide.id(), "lead-ana"));
        ingest.ingest(batch(at(SESSIONS, session(cell, "s-6")),
                at(FEEDBACK, feedback(cell, "s-6", Map.of("SAFE_ATMOSPHERE", 2), false))));
        floors.check();
        assertThat(alertsOf("floored")).hasSize(opened + 1);
    }

    /**
     * quiet: no floor while ten answers SAFE_ATMOSPHERE 2 (TRUST 25) come in, five in each of two programs; then
     * its lead sets a TRUST floor of 70 and nothing more is counted: the next check alerts the agency and both
     * programs.
     */
    @Test
    void aFloorSetBelowWhereTheIndexAlreadyIsAlertsWithoutWaitingForAnEvent() {
        agencies.onChange(floors::settingsChanged);
        List<ConsumedEvent> answered = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Cell cell = new Cell("quiet", i % 2 == 0 ? "warmline" : "drop-in", "sp-" + i);
            answered.add(at(SESSIONS, session(cell, "s-" + i)));
            answered.add(at(FEEDBACK, feedback(cell, "s-" + i, Map.of("SAFE_ATMOSPHERE", 2), false)));
        }
        ingest.ingest(batch(answered.toArray(ConsumedEvent[]::new)));
        assertThat(floors.check()).isEmpty();
        assertThat(floors.check()).isEmpty();

        agencies.set("quiet", settings(70.0));

        assertThat(floors.check()).containsEntry(AlertKind.TRUST_INDEX_BELOW_FLOOR, 3);
        assertThat(alertsOf("quiet")).extracting(alert -> alert.programId() == null ? "agency" : alert.programId())
                .containsExactlyInAnyOrder("agency", "warmline", "drop-in");
        assertThat(floors.check()).as("nothing changed since").isEmpty();
    }

    @Test
    void anAgencyWithoutFloorsNeverGetsAnIndexAlert() {
        List<ConsumedEvent> week = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            week.add(at(SESSIONS, session(RIVERA, "s-" + i)));
            week.add(at(FEEDBACK, feedback(RIVERA, "s-" + i, Map.of("SAFE_ATMOSPHERE", 1, "KINDNESS", 1), false)));
        }
        assertThat(ingest.ingest(batch(week.toArray(ConsumedEvent[]::new))).harmAlertsOpened()).isZero();
        assertThat(floors.check()).isEmpty();
    }

    @Test
    void leadsAcknowledgeAndResolveTheirOwnAgencysAlertsOnlyForward() {
        ReceivedFeedback harm = feedback(RIVERA, "s-1", Map.of(), true);
        ingest.ingest(batch(at(FEEDBACK, harm)));
        UUID id = FeedbackSubmitted.harmAlertId(harm.eventId());

        Alert acknowledged = new AcknowledgeAlert(alerts, clock).acknowledge(new AlertCommand("harbor", id, "lead-ana"));
        assertThat(acknowledged.state()).isEqualTo(AlertState.ACKNOWLEDGED);
        assertThat(acknowledged.lastChange().by()).isEqualTo("lead-ana");
        assertThatThrownBy(() -> new AcknowledgeAlert(alerts, clock).acknowledge(new AlertCommand("harbor", id, "x")))
                .isInstanceOf(AlertTransitionRefused.class);
        assertThatThrownBy(() -> new ResolveAlert(alerts, clock).resolve(new AlertCommand("sunrise", id, "x")))
                .isInstanceOf(AlertNotFound.class);

        AlertPage page = new ListAlerts(alerts).list(new AlertQuery("harbor", AlertState.ACKNOWLEDGED, 0, 1));
        assertThat(page.items()).extracting(Alert::id).containsExactly(id);
        assertThat(page.hasMore()).isFalse();
    }

    private List<Alert> alertsOf(String agency) {
        return alerts.all().stream().filter(alert -> alert.agencyId().equals(agency)).toList();
    }

    private static LoggedSession session(Cell cell, String id) {
        return new LoggedSession(UUID.randomUUID(), id, cell, SESSION_AT, 30, true, false, false, 1);
    }

    private static ReceivedFeedback feedback(Cell cell, String session, Map<String, Integer> ratings, boolean harm) {
        return new ReceivedFeedback(UUID.randomUUID(), session, cell, SESSION_AT, ratings, 3, harm, SESSION_AT.plusSeconds(3600));
    }

    private ConsumedEvent at(String topic, IndicatorEvent event) {
        return new ConsumedEvent(SourcePosition.of(topic, 0, offset++), event);
    }

    private static EventBatch batch(ConsumedEvent... events) {
        return new EventBatch(List.of(events));
    }

    private static AgencySettings settings(Double trustFloor) {
        return new AgencySettings(ZoneOffset.UTC, new SmallCellRule(5), new SmallCellRule(11), Set.of(), null,
                trustFloor);
    }
}
