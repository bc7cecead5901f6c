package org.peerpulse.indicators.counting.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peerpulse.indicators.agencies.domain.InMemoryAgencies;
import org.peerpulse.indicators.counting.domain.Cell;
import org.peerpulse.indicators.counting.domain.ConsumedEvent;
import org.peerpulse.indicators.counting.domain.DayCounts;
import org.peerpulse.indicators.counting.domain.LoggedSession;
import org.peerpulse.indicators.counting.domain.RatingTally;
import org.peerpulse.indicators.counting.domain.ReceivedFeedback;
import org.peerpulse.indicators.counting.domain.RollupKey;
import org.peerpulse.indicators.counting.domain.SourcePosition;
import org.peerpulse.indicators.counting.domain.Watermarks;

class ApplyEventsTest {

    private static final String SESSIONS = "peerpulse.sessions.v1";
    private static final String FEEDBACK = "peerpulse.feedback.v1";
    private static final Cell RIVERA = new Cell("harbor", "warmline", "sp-rivera");
    private static final Cell CHEN = new Cell("harbor", "warmline", "sp-chen");
    private static final RollupKey RIVERA_20 = new RollupKey(RIVERA, LocalDate.parse("2026-11-20"));
    private static final RollupKey RIVERA_21 = new RollupKey(RIVERA, LocalDate.parse("2026-11-21"));
    private static final RollupKey CHEN_20 = new RollupKey(CHEN, LocalDate.parse("2026-11-20"));

    private final InMemoryCopyWindows windows = new InMemoryCopyWindows();
    private final InMemoryRollups rollups = new InMemoryRollups();
    private final ApplyEvents applyEvents = new ApplyEvents(rollups, windows, new InMemoryAgencies().calendar(), 1_000);

    private final EventBatch batch = new EventBatch(List.of(
            session(0, RIVERA, "2026-11-20T09:00:00Z", 30),
            session(1, CHEN, "2026-11-20T10:00:00Z", 60),
            session(2, RIVERA, "2026-11-20T23:59:59Z", 45),
            session(3, RIVERA, "2026-11-21T00:00:00Z", 15)));

    @Test
    void oneWritePerRollupAndBatch() {
        AppliedBatch applied = applyEvents.apply(batch);

        assertThat(applied).isEqualTo(new AppliedBatch(
                batch.events().stream().map(ConsumedEvent::position).collect(java.util.stream.Collectors.toSet()), 3, 0));
        assertThat(rollups.writes).isEqualTo(3);
        assertThat(windows.writes).as("one stored copy-window write for the batch's one partition").isEqualTo(1);
        assertThat(rollups.versions).as("the agency's dashboards are told once").isEqualTo(Map.of("harbor", 1L));
        assertThat(rollups.counts.get(RIVERA_20).minutes()).isEqualTo(75);
        assertThat(rollups.counts.get(RIVERA_20).sessions()).isEqualTo(2);
        assertThat(rollups.counts.get(CHEN_20).minutes()).isEqualTo(60);
        assertThat(rollups.counts.get(RIVERA_21).minutes()).isEqualTo(15);
    }

    @Test
    void theSameBatchAgainChangesNothing() {
        applyEvents.apply(batch);
        Map<RollupKey, DayCounts> before = Map.copyOf(rollups.counts);

        AppliedBatch again = applyEvents.apply(batch);

        assertThat(again.eventsCounted()).isZero();
        assertThat(again.rollupsWritten()).isZero();
        assertThat(rollups.counts).isEqualTo(before);
    }

    @Test
    void aPartlyAppliedBatchCountsOnlyTheRest() {
        applyEvents.apply(new EventBatch(batch.events().subList(0, 2)));

        applyEvents.apply(batch);

        assertThat(rollups.counts.get(RIVERA_20).minutes()).isEqualTo(75);
        assertThat(rollups.counts.get(CHEN_20).minutes()).isEqualTo(60);
        assertThat(rollups.counts.get(RIVERA_21).minutes()).isEqualTo(15);
    }

    @Test
    void sessionsAndFeedbackKeepTheirOwnWatermarks() {
        applyEvents.apply(batch);
        ConsumedEvent feedback = new ConsumedEvent(SourcePosition.of(FEEDBACK, 0, 0),
                new ReceivedFeedback(UUID.randomUUID(), "s-9", RIVERA, Instant.parse("2026-11-20T09:00:00Z"), Map.of("KINDNESS", 5), 4, false,
                        Instant.parse("2026-11-20T10:00:00Z")));

        assertThat(applyEvents.apply(new EventBatch(List.of(feedback))).eventsCounted()).isEqualTo(1);

        assertThat(rollups.counts.get(RIVERA_20).responses()).isEqualTo(1);
        assertThat(rollups.counts.get(RIVERA_20).item("KINDNESS")).isEqualTo(RatingTally.of(5));
        assertThat(rollups.watermarks.get(RIVERA_20)).isEqualTo(new Watermarks(Map.of(
                new org.peerpulse.indicators.counting.domain.SourcePartition(SESSIONS, 0), 2L,
                new org.peerpulse.indicators.counting.domain.SourcePartition(FEEDBACK, 0), 0L)));
    }

    @Test
    void aRollupAnotherWriterMovedIsRecomputedFromWhatItLeft() {
        // Another consumer of the same partition (a rebalance) applies the first two events in between.
        rollups.beforeNextApply = () -> new ApplyEvents(rollups, windows, new InMemoryAgencies().calendar(), 1_000)
                .apply(new EventBatch(batch.events().subList(0, 2)));

        AppliedBatch applied = applyEvents.apply(batch);

        assertThat(applied.retries()).isEqualTo(2);
        assertThat(applied.eventsCounted()).isEqualTo(2);
        assertThat(rollups.counts.get(RIVERA_20).minutes()).isEqualTo(75);
        assertThat(rollups.counts.get(RIVERA_20).sessions()).isEqualTo(2);
        assertThat(rollups.counts.get(CHEN_20).minutes()).isEqualTo(60);
        assertThat(rollups.counts.get(RIVERA_21).minutes()).isEqualTo(15);
    }

    @Test
    void endlessContentionIsTransientNotSilent() {
        InMemoryRollups contested = new InMemoryRollups() {
            @Override
            public java.util.Set<RollupKey> apply(List<org.peerpulse.indicators.counting.domain.RollupChange> changes) {
                return java.util.Set.of(changes.get(0).key());
            }
        };

        assertThatThrownBy(() -> new ApplyEvents(contested, windows, new InMemoryAgencies().calendar(), 1_000)
                .apply(batch))
                .isInstanceOf(RollupContention.class);
    }

    @Test
    void theDayIsTheSessionsDayInTheAgencysZone() {
        ApplyEvents inLosAngeles = new ApplyEvents(rollups, windows,
                InMemoryAgencies.inZone("harbor", ZoneId.of("America/Los_Angeles")).calendar(), 1_000);

        inLosAngeles.apply(new EventBatch(List.of(session(0, RIVERA, "2026-11-21T03:30:00Z", 30))));

        assertThat(rollups.counts).containsOnlyKeys(RIVERA_20);
    }

    /**
     * A quality lead moves the agency to California while it runs: 03:30 UTC on the 21st was counted on the 21st
     * under UTC and stays there; 03:45 UTC, read after the change, is the evening of the 20th in California.
     */
    @Test
    void aNewZoneCountsTheEventsReadAfterItAndLeavesCountedDaysAlone() {
        InMemoryAgencies agencies = new InMemoryAgencies();
        ApplyEvents counting = new ApplyEvents(rollups, windows, agencies.calendar(), 1_000);

        counting.apply(new EventBatch(List.of(session(0, RIVERA, "2026-11-21T03:30:00Z", 30))));
        agencies.set("harbor", InMemoryAgencies.settings(ZoneId.of("America/Los_Angeles"), 5));
        counting.apply(new EventBatch(List.of(session(1, RIVERA, "2026-11-21T03:45:00Z", 20))));

        assertThat(rollups.counts).containsOnlyKeys(RIVERA_20, RIVERA_21);
        assertThat(rollups.counts.get(RIVERA_21).minutes()).isEqualTo(30);
        assertThat(rollups.counts.get(RIVERA_20).minutes()).isEqualTo(20);
    }

    private static ConsumedEvent session(long offset, Cell cell, String sessionAt, int minutes) {
        return new ConsumedEvent(SourcePosition.of(SESSIONS, 0, offset),
                new LoggedSession(id("session-" + offset), "s-" + offset, cell, Instant.parse(sessionAt), minutes, true,
                        false, false, 1));
    }

    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
