package org.peerpulse.indicators.domain;

/**
 * Everything metrics-service derives from the two topics and can derive again by reading them from the
 * beginning: the facts and the day rollups. Alerts are not part of it: they carry people's
 * acknowledgements, which no topic holds.
 */
public interface ReplayableState {

    /** Forgets every fact and rollup of every agency. */
    void eraseAll();
}
