package org.peerpulse.indicators.counting.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.peerpulse.indicators.agencies.domain.AgencyCalendar;
import org.peerpulse.indicators.counting.domain.ConsumedEvent;
import org.peerpulse.indicators.counting.domain.Contribution;
import org.peerpulse.indicators.counting.domain.CopyWindow;
import org.peerpulse.indicators.counting.domain.CopyWindows;
import org.peerpulse.indicators.counting.domain.FirstRead;
import org.peerpulse.indicators.counting.domain.IndicatorEvent;
import org.peerpulse.indicators.counting.domain.RollupChange;
import org.peerpulse.indicators.counting.domain.RollupKey;
import org.peerpulse.indicators.counting.domain.Rollups;
import org.peerpulse.indicators.counting.domain.SourcePartition;
import org.peerpulse.indicators.counting.domain.SourcePosition;
import org.peerpulse.indicators.counting.domain.Watermarks;

/**
 * Folds a batch of consumed events into the day rollups with exactly-once effect. Every event carries its
 * own signed change (a void or a withdrawal carries what it takes back), so nothing counted is ever read
 * back:
 * <ol>
 * <li>copies of an event at a new offset are left out, by each partition's {@link CopyWindow}; the events
 * read for the first time are added to its stored copy, one write per partition;</li>
 * <li>the changes are summed per rollup in memory, so each touched rollup gets one write, which moves the
 * rollup's watermark for the partition in the same single-document write and only applies while that
 * watermark is below what the change counts;</li>
 * <li>a rollup that refused (a redelivered batch, another writer first) has its watermarks read and its
 * change planned again without what they cover;</li>
 * <li>the version of every agency the batch touched moves on, so that dashboards read its rollups again.</li>
 * </ol>
 * A batch repeated after a crash anywhere finds its events in the copy windows at the same offsets and
 * the rollups' watermarks covering what was written, so it adds exactly what is missing. The windows are
 * kept per partition while this instance owns it: {@link #forget} drops them when the partition is
 * revoked, and they are read back from the store the first time a partition is met again.
 */
public class ApplyEvents {

    static final int MAX_ATTEMPTS = 5;

    private final Rollups rollups;
    private final CopyWindows stored;
    private final AgencyCalendar calendar;
    private final int windowSize;
    private final Map<SourcePartition, CopyWindow> windows = new ConcurrentHashMap<>();

    public ApplyEvents(Rollups rollups, CopyWindows stored, AgencyCalendar calendar, int windowSize) {
        this.rollups = rollups;
        this.stored = stored;
        this.calendar = calendar;
        this.windowSize = windowSize;
    }

    public AppliedBatch apply(EventBatch batch) {
        if (batch.events().isEmpty()) {
            return AppliedBatch.NOTHING;
        }
        Set<SourcePartition> partitions = new HashSet<>();
        batch.events().forEach(consumed -> partitions.add(consumed.position().partition()));
        try {
            List<ConsumedEvent> originals = leaveOutCopies(batch.events());
            AppliedBatch applied = applyToRollups(contributions(originals));
            Set<String> agencies = new HashSet<>();
            originals.forEach(consumed -> agencies.add(consumed.event().cell().agencyId()));
            // Also when everything was in already: a crash may have come between the rollups and this.
            if (!agencies.isEmpty()) {
                rollups.changed(agencies);
            }
            return applied;
        } catch (RuntimeException e) {
            // The windows already hold this batch's events as read; if their stored copy was not written, a
            // retry must not take them for redeliveries. Read them back from the store next time instead.
            forget(partitions);
            throw e;
        }
    }

    /** This instance no longer reads these partitions: their windows are read from the store when met again. */
    public void forget(Collection<SourcePartition> partitions) {
        partitions.forEach(windows::remove);
    }

    private List<ConsumedEvent> leaveOutCopies(List<ConsumedEvent> events) {
        List<ConsumedEvent> originals = new ArrayList<>(events.size());
        Map<SourcePartition, List<FirstRead>> firstReads = new LinkedHashMap<>();
        for (ConsumedEvent consumed : events) {
            SourcePosition position = consumed.position();
            CopyWindow window = windows.computeIfAbsent(position.partition(), this::restored);
            switch (window.read(consumed.event().eventId(), position.offset())) {
                case FIRST -> {
                    originals.add(consumed);
                    firstReads.computeIfAbsent(position.partition(), partition -> new ArrayList<>())
                            .add(new FirstRead(consumed.event().eventId(), position.offset()));
                }
                case AGAIN -> originals.add(consumed);
                case COPY -> { }
            }
        }
        firstReads.forEach((partition, reads) -> {
            stored.add(partition, reads);
            windows.get(partition).pruneBelow().ifPresent(offset -> stored.forgetBelow(partition, offset));
        });
        return originals;
    }

    private CopyWindow restored(SourcePartition partition) {
        CopyWindow window = new CopyWindow(windowSize);
        stored.of(partition).forEach(read -> window.read(read.eventId(), read.offset()));
        return window;
    }

    private Map<RollupKey, List<Contribution>> contributions(List<ConsumedEvent> events) {
        Map<RollupKey, List<Contribution>> byRollup = new LinkedHashMap<>();
        for (ConsumedEvent consumed : events) {
            IndicatorEvent event = consumed.event();
            RollupKey rollup = new RollupKey(event.cell(), calendar.dayOf(event.cell().agencyId(), event.sessionAt()));
            byRollup.computeIfAbsent(rollup, key -> new ArrayList<>())
                    .add(new Contribution(rollup, consumed.position(), consumed.event().counts()));
        }
        return byRollup;
    }

    private AppliedBatch applyToRollups(Map<RollupKey, List<Contribution>> byRollup) {
        Set<SourcePosition> counted = new HashSet<>();
        int written = 0;
        int retries = 0;
        Set<RollupKey> pending = byRollup.keySet();
        Map<RollupKey, Watermarks> known = Map.of();
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > MAX_ATTEMPTS) {
                throw new RollupContention(pending.size());
            }
            Map<RollupKey, Watermarks> marks = known;
            List<RollupChange> changes = pending.stream()
                    .map(key -> RollupChange.plan(key, marks.getOrDefault(key, Watermarks.NONE), byRollup.get(key)))
                    .flatMap(Optional::stream)
                    .toList();
            if (changes.isEmpty()) {
                break;
            }
            Set<RollupKey> refused = rollups.apply(changes);
            for (RollupChange change : changes) {
                if (!refused.contains(change.key())) {
                    counted.addAll(change.counted());
                    written++;
                }
            }
            retries += refused.size();
            pending = refused;
            known = refused.isEmpty() ? Map.of() : rollups.watermarks(refused);
        }
        return new AppliedBatch(counted, written, retries);
    }
}
