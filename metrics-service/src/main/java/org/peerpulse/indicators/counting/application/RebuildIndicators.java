package org.peerpulse.indicators.counting.application;

import org.peerpulse.indicators.counting.domain.ReplayableState;

/**
 * The first step of a rebuild: forget every rollup and copy window, so that reading both topics again from the
 * beginning counts everything afresh, exactly once, with today's rules. Alerts stay: they hold people's
 * acknowledgements, and the replayed harm reports find their alerts by id instead of opening new ones.
 * Only safe while no other instance is consuming (see docs/rebuild.md).
 */
public class RebuildIndicators {

    private final ReplayableState state;

    public RebuildIndicators(ReplayableState state) {
        this.state = state;
    }

    public void eraseForReplay() {
        state.eraseAll();
    }
}
