package org.peerpulse.indicators.dashboards.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.peerpulse.indicators.counting.domain.CellRollup;
import org.peerpulse.indicators.counting.persistence.MongoRollups;
import org.peerpulse.indicators.dashboards.domain.AgencyRollups;
import org.peerpulse.indicators.dashboards.domain.RunningTotals;
import org.peerpulse.indicators.dashboards.domain.Scope;

/**
 * The dashboards' copy of each agency's rollups, kept in memory and read again only when a batch changed
 * them: every read asks the store for the agency's version (one small read by {@code _id}), which counting
 * moves on after each batch's rollup writes (in whichever instance counted it), and re-reads the agency's
 * rollups when it moved. The version is read before the rollups, so a copy is never labelled newer than what
 * it holds; at worst it is read once more. Concurrent requests for a changed agency wait for one re-read.
 * What is hidden is still decided per request, from the copy.
 */
public class RollupsInMemory implements AgencyRollups {

    private static final Comparator<CellRollup> BY_DAY = Comparator.comparing(CellRollup::day);

    private final MongoRollups store;
    private final ConcurrentMap<String, Copy> copies = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Object> rereads = new ConcurrentHashMap<>();

    public RollupsInMemory(MongoRollups store) {
        this.store = store;
    }

    @Override
    public List<CellRollup> findAll(String agencyId, LocalDate from, LocalDate to) {
        return current(agencyId).between(from, to);
    }

    /** The copy's running totals, added up once per version of the agency's rollups, over all their days. */
    @Override
    public RunningTotals totals(String agencyId, LocalDate from, LocalDate to) {
        return current(agencyId).totals();
    }

    @Override
    public boolean knows(String agencyId, Scope scope) {
        return current(agencyId).knows(agencyId, scope);
    }

    private Copy current(String agencyId) {
        long version = store.version(agencyId);
        Copy known = copies.get(agencyId);
        if (known != null && known.version() >= version) {
            return known;
        }
        synchronized (rereads.computeIfAbsent(agencyId, agency -> new Object())) {
            known = copies.get(agencyId);
            if (known != null && known.version() >= version) {
                return known;
            }
            Copy read = Copy.of(agencyId, version, store.findAll(agencyId));
            copies.put(agencyId, read);
            return read;
        }
    }

    /** One agency's rollups in day order, with the programs and specialists they name and their totals. */
    private record Copy(long version, List<CellRollup> byDay, Set<String> programs, Set<String> specialists,
            RunningTotals totals) {

        static Copy of(String agencyId, long version, List<CellRollup> rollups) {
            List<CellRollup> byDay = new ArrayList<>(rollups);
            byDay.sort(BY_DAY);
            Set<String> programs = new HashSet<>();
            Set<String> specialists = new HashSet<>();
            byDay.forEach(rollup -> {
                programs.add(rollup.cell().programId());
                specialists.add(rollup.cell().specialistId());
            });
            return new Copy(version, List.copyOf(byDay), Set.copyOf(programs), Set.copyOf(specialists),
                    RunningTotals.of(agencyId, byDay));
        }

        List<CellRollup> between(LocalDate from, LocalDate to) {
            return byDay.subList(firstOnOrAfter(from), firstOnOrAfter(to.plusDays(1)));
        }

        boolean knows(String agencyId, Scope scope) {
            return switch (scope.type()) {
                case AGENCY -> scope.id().equals(agencyId);
                case PROGRAM -> programs.contains(scope.id());
                case SPECIALIST -> specialists.contains(scope.id());
            };
        }

        private int firstOnOrAfter(LocalDate day) {
            int low = 0;
            int high = byDay.size();
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (byDay.get(middle).day().isBefore(day)) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }
    }
}
