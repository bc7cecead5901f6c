package org.peerpulse.indicators.counting.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The per-day rollups, as a collection. */
public interface Rollups {

    /** The watermarks of the given rollups, in one read; a rollup that does not exist yet is left out. */
    Map<RollupKey, Watermarks> watermarks(Collection<RollupKey> keys);

    /**
     * Applies each change atomically to its rollup (creating it if needed) where the change
     * {@linkplain RollupChange#fits fits} the rollup's watermarks, and answers the keys where it did not, so
     * that nothing was written for them.
     */
    Set<RollupKey> apply(List<RollupChange> changes);

    /**
     * Moves on the version of each of these agencies, after a batch's writes to their rollups: what tells a
     * dashboard's copy of an agency's rollups, in any instance, that it must read them again.
     */
    void changed(Set<String> agencyIds);

}
