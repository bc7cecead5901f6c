package org.peerpulse.feedback.application;

import java.util.HashMap;
import java.util.Map;
import org.peerpulse.feedback.domain.RotationCursors;

/** A hand-written stand-in for the agencies' rotation cursors; counts the writes, one per advance. */
class InMemoryRotationCursors implements RotationCursors {

    final Map<String, Long> slots = new HashMap<>();
    int advances;

    @Override
    public long advance(String agencyId, long by) {
        advances++;
        long before = slots.getOrDefault(agencyId, 0L);
        slots.put(agencyId, before + by);
        return before;
    }
}
