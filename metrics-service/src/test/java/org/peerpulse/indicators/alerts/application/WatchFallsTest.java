package org.peerpulse.indicators.alerts.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peerpulse.indicators.agencies.domain.AgencyCalendar;
import org.peerpulse.indicators.agencies.domain.InMemoryAgencies;
import org.peerpulse.indicators.alerts.domain.Alert;
import org.peerpulse.indicators.alerts.domain.AlertKind;
import org.peerpulse.indicators.alerts.domain.AlertState;
import org.peerpulse.indicators.alerts.domain.DeliveryState;
import org.peerpulse.indicators.counting.application.ApplyEvents;
import org.peerpulse.indicators.counting.application.EventBatch;
import org.peerpulse.indicators.counting.application.InMemoryCopyWindows;
import org.peerpulse.indicators.counting.application.InMemoryRollups;
import org.peerpulse.indicators.counting.application.IngestBatch;
import org.peerpulse.indicators.counting.domain.Cell;
import org.peerpulse.indicators.counting.domain.ConsumedEvent;
import org.peerpulse.indicators.counting.domain.LoggedSession;
import org.peerpulse.indicators.counting.domain.ReceivedFeedback;
import org.peerpulse.indicators.counting.domain.SourcePosition;
import org.peerpulse.indicators.dashboards.application.ReadDashboard;

/**
 * Falls against the 30 days before, with hand-written fakes and the real dashboards: today is 2026-11-25 (UTC),
 * so the trailing window is 2026-10-27..2026-11-25 and the one before 2026-09-27..2026-10-26.
 */
class WatchFallsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Instant BEFORE = Instant.parse("2026-10-10T09:00:00Z");
    private static final Instant LATELY = Instant.parse("2026-11-20T09:00:00Z");
    private static final Cell RIVERA = new Cell("harbor", "warmline", "sp-rivera");
    private static final Cell FEW = new Cell("small", "warmline", "sp-chen");

    private final InMemoryRollups rollups = new InMemoryRollups();
    private final InMemoryAlerts alerts = new InMemoryAlerts();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryAgencies agencies = new InMemoryAgencies();
    private final AgencyCalendar calendar = agencies.calendar();
    private final WatchFalls falls = new WatchFalls(new ReadDashboard(rollups, agencies, calendar, clock), alerts,
            agencies, calendar, clock);
    private final IngestBatch ingest = new IngestBatch(
            new ApplyEvents(rollups, new InMemoryCopyWindows(), calendar, 1_000),
            new OpenHarmAlerts(alerts, agencies, clock), (agency, program) -> falls.moved(agency), calendar);
    private long offset;

    /**
     * harbor, k = 5: five answers before (KINDNESS 5, EMPATHY 4) and five lately (KINDNESS 3, EMPATHY 4), hope 4
     * throughout. KINDNESS fell 2 points; the values index (87.5 → 62.5) 25; EMPATHY and hope held; TRUST is not
     * shown. The program and the specialist each alert on both, once.
     */
    @Test
    void aFallOfAnItemAndAnIndexAlertsTheProgramAndTheSpecialistOncePerPeriod() {
        answer(RIVERA, BEFORE, 5, 5);
        answer(RIVERA, LATELY, 5, 3);

        Map<AlertKind, Integer> opened = falls.check();

        assertThat(opened).containsExactlyInAnyOrderEntriesOf(
                Map.of(AlertKind.ITEM_MEAN_FELL, 2, AlertKind.VALUES_INDEX_FELL, 2));
        assertThat(alerts.all()).extracting(alert -> alert.kind() + " " + alert.programId() + " " + alert.specialistId()
                + " " + alert.item() + " " + alert.previous() + "→" + alert.index())
                .containsExactlyInAnyOrder(
                        "ITEM_MEAN_FELL warmline null KINDNESS 5.0→3.0",
                        "VALUES_INDEX_FELL warmline null null 87.5→62.5",
                        "ITEM_MEAN_FELL null sp-rivera KINDNESS 5.0→3.0",
                        "VALUES_INDEX_FELL null sp-rivera null 87.5→62.5");
        assertThat(alerts.all()).allSatisfy(alert -> {
            assertThat(alert.state()).isEqualTo(AlertState.OPEN);
            assertThat(alert.openedAt()).isEqualTo(NOW);
            assertThat(alert.delivery().state()).isEqualTo(DeliveryState.NOT_CONFIGURED);
        });

        assertThat(falls.check()).as("nothing noted since").isEmpty();
        answer(RIVERA, LATELY, 1, 2);
        assertThat(falls.check()).as("still falling, the same period: the same alerts").isEmpty();
        assertThat(alerts.all()).hasSize(4);
        // A resolved fall is not reopened in its period either.
        Alert first = alerts.all().get(0);
        new ResolveAlert(alerts, clock).resolve(new AlertCommand("harbor", first.id(), "lead-ana"));
        answer(RIVERA, LATELY, 1, 2);
        assertThat(falls.check()).isEmpty();
    }

    @Test
    void fewerThanKAnswersOnEitherSideNeverAlert() {
        answer(FEW, BEFORE, 4, 5);
        answer(FEW, LATELY, 5, 1);
        answer(RIVERA, BEFORE, 5, 4);
        answer(RIVERA, LATELY, 5, 4);

        assertThat(falls.check()).isEmpty();
        assertThat(alerts.all()).isEmpty();
    }

    /** {@code count} sessions of {@code cell} at {@code at}, each answered KINDNESS {@code kindness}, EMPATHY 4, hope 4. */
    private void answer(Cell cell, Instant at, int count, int kindness) {
        List<ConsumedEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String session = UUID.randomUUID().toString();
            events.add(at("peerpulse.sessions.v1", new LoggedSession(UUID.randomUUID(), session, cell, at, 30, true,
                    false, false, 1)));
            events.add(at("peerpulse.feedback.v1", new ReceivedFeedback(UUID.randomUUID(), session, cell, at,
                    Map.of("KINDNESS", kindness, "EMPATHY", 4), 4, false, at.plusSeconds(3600))));
        }
        ingest.ingest(new EventBatch(events));
    }

    private ConsumedEvent at(String topic, org.peerpulse.indicators.counting.domain.IndicatorEvent event) {
        return new ConsumedEvent(SourcePosition.of(topic, 0, offset++), event);
    }
}
