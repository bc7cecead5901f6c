package org.peerpulse.indicators.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.peerpulse.indicators.domain.AgencyCalendar;
import org.peerpulse.indicators.domain.ConsumedEvent;
import org.peerpulse.indicators.domain.RollupChange;
import org.peerpulse.indicators.domain.RollupKey;
import org.peerpulse.indicators.domain.Rollups;
import org.peerpulse.indicators.domain.Watermarks;

/**
 * Folds a batch of consumed events into the day rollups with exactly-once effect. The batch is summed in
 * memory so that each rollup gets one write; the rollups' watermarks are read in one query and every
 * event they already cover is dropped; each write is conditional on the watermarks still being what was
 * read. A rollup another writer changed in between is re-read and recomputed. Applying the same batch
 * again therefore changes nothing.
 */
public class ApplyEvents {

    static final int MAX_ATTEMPTS = 5;

    private final Rollups rollups;
    private final AgencyCalendar calendar;

    public ApplyEvents(Rollups rollups, AgencyCalendar calendar) {
        this.rollups = rollups;
        this.calendar = calendar;
    }

    public AppliedBatch apply(EventBatch batch) {
        Map<RollupKey, List<ConsumedEvent>> byRollup = new LinkedHashMap<>();
        for (ConsumedEvent consumed : batch.events()) {
            byRollup.computeIfAbsent(calendar.rollupOf(consumed.event()), key -> new ArrayList<>()).add(consumed);
        }
        int counted = 0;
        int written = 0;
        int retries = 0;
        Set<RollupKey> pending = byRollup.keySet();
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > MAX_ATTEMPTS) {
                throw new RollupContention(pending.size());
            }
            Map<RollupKey, Watermarks> current = rollups.watermarks(pending);
            List<RollupChange> changes = pending.stream()
                    .map(key -> RollupChange.plan(key, current.getOrDefault(key, Watermarks.NONE), byRollup.get(key)))
                    .flatMap(Optional::stream)
                    .toList();
            if (changes.isEmpty()) {
                break;
            }
            Set<RollupKey> lost = rollups.apply(changes);
            for (RollupChange change : changes) {
                if (!lost.contains(change.key())) {
                    counted += change.events();
                    written++;
                }
            }
            retries += lost.size();
            pending = lost;
        }
        return new AppliedBatch(counted, written, retries);
    }
}
