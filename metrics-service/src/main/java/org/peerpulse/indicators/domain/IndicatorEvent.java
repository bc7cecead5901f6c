package org.peerpulse.indicators.domain;

import java.time.Instant;

/**
 * A fact that moves the indicators, already reduced to what they count. Every such fact is counted on
 * the day its session took place, so feedback given days later still lands in its session's period.
 */
public sealed interface IndicatorEvent permits LoggedSession, ReceivedFeedback {

    Cell cell();

    Instant sessionAt();

    /** What this fact adds to its day. */
    DayCounts counts();
}
