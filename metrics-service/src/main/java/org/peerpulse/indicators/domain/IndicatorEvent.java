package org.peerpulse.indicators.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact that moves the indicators, already reduced to what they count. Every such fact is counted on
 * the day its session took place, so feedback given days later still lands in its session's period.
 * Each carries its event id, which is how a copy published again at another offset is recognised, and
 * its session, which is how a void finds what to take back out.
 */
public sealed interface IndicatorEvent permits LoggedSession, ReceivedFeedback, VoidedSession {

    UUID eventId();

    String sessionId();

    Cell cell();

    Instant sessionAt();

    /** What this fact adds to its day when it counts; a void adds nothing of its own. */
    DayCounts counts();

    default SessionRef session() {
        return new SessionRef(cell().agencyId(), sessionId());
    }
}
