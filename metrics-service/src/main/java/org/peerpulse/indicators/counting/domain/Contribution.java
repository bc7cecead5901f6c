package org.peerpulse.indicators.counting.domain;

import java.util.Objects;

/**
 * What one event read at {@code position} changes in one rollup: a session or a feedback adds its
 * counts, a void takes back (negated) what its session and that session's feedback added.
 */
public record Contribution(RollupKey rollup, SourcePosition position, DayCounts increment) {

    public Contribution {
        Objects.requireNonNull(rollup, "rollup");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(increment, "increment");
    }
}
