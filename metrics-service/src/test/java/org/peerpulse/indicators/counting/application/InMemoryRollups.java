package org.peerpulse.indicators.counting.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.peerpulse.indicators.counting.domain.CellRollup;
import org.peerpulse.indicators.counting.domain.DayCounts;
import org.peerpulse.indicators.counting.domain.RollupChange;
import org.peerpulse.indicators.counting.domain.RollupKey;
import org.peerpulse.indicators.counting.domain.Rollups;
import org.peerpulse.indicators.counting.domain.SourcePartition;
import org.peerpulse.indicators.counting.domain.Watermarks;
import org.peerpulse.indicators.dashboards.domain.AgencyRollups;
import org.peerpulse.indicators.dashboards.domain.Scope;

/**
 * Rollups in a map, with the same guarded write as the Mongo adapter; {@code beforeNextApply} lets a
 * test play another writer that gets in between the read and the write.
 */
public class InMemoryRollups implements Rollups, AgencyRollups {

    public final Map<RollupKey, DayCounts> counts = new HashMap<>();
    final Map<RollupKey, Watermarks> watermarks = new HashMap<>();
    final Map<String, Long> versions = new HashMap<>();
    Runnable beforeNextApply = () -> { };
    int writes;

    @Override
    public Map<RollupKey, Watermarks> watermarks(Collection<RollupKey> keys) {
        Map<RollupKey, Watermarks> found = new HashMap<>();
        keys.stream().filter(watermarks::containsKey).forEach(key -> found.put(key, watermarks.get(key)));
        return found;
    }

    @Override
    public Set<RollupKey> apply(List<RollupChange> changes) {
        Runnable interference = beforeNextApply;
        beforeNextApply = () -> { };
        interference.run();
        Set<RollupKey> lost = new HashSet<>();
        for (RollupChange change : changes) {
            Watermarks now = watermarks.getOrDefault(change.key(), Watermarks.NONE);
            if (!change.fits(now)) {
                lost.add(change.key());
                continue;
            }
            writes++;
            counts.merge(change.key(), change.increment(), DayCounts::plus);
            // What the store's $max on each moved watermark does.
            Map<SourcePartition, Long> next = new HashMap<>(now.offsets());
            change.through().forEach((partition, offset) -> next.merge(partition, offset, Math::max));
            watermarks.put(change.key(), new Watermarks(next));
        }
        return lost;
    }

    @Override
    public void changed(Set<String> agencyIds) {
        agencyIds.forEach(agency -> versions.merge(agency, 1L, Long::sum));
    }


    @Override
    public List<CellRollup> findAll(String agencyId, LocalDate from, LocalDate to) {
        List<CellRollup> found = new ArrayList<>();
        counts.forEach((key, dayCounts) -> {
            if (key.cell().agencyId().equals(agencyId) && !key.day().isBefore(from) && !key.day().isAfter(to)) {
                found.add(new CellRollup(key.cell(), key.day(), dayCounts));
            }
        });
        return found;
    }

    @Override
    public boolean knows(String agencyId, Scope scope) {
        return switch (scope.type()) {
            case AGENCY -> scope.id().equals(agencyId);
            case PROGRAM -> counts.keySet().stream().anyMatch(key -> key.cell().agencyId().equals(agencyId)
                    && key.cell().programId().equals(scope.id()));
            case SPECIALIST -> counts.keySet().stream().anyMatch(key -> key.cell().agencyId().equals(agencyId)
                    && key.cell().specialistId().equals(scope.id()));
        };
    }
}
