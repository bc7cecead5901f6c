package org.peerpulse.indicators.counting.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact that moves the indicators, already reduced to what it counts, with its sign: a session or an
 * answer adds its counts, a void or a withdrawal takes back exactly what the event it corrects added,
 * because it carries that (DESIGN §4), so counting never looks up what it counted before. Every such fact
 * is counted on the day its session took place, so feedback given days later still lands in its
 * session's period. Each carries its event id, which is how a copy published again at another offset is
 * recognised.
 */
public sealed interface IndicatorEvent permits LoggedSession, ReceivedFeedback, VoidedSession, WithdrawnFeedback {

    UUID eventId();

    Cell cell();

    Instant sessionAt();

    /** What this fact changes in its day's rollup: positive for a session or an answer, negative for a correction. */
    DayCounts counts();
}
