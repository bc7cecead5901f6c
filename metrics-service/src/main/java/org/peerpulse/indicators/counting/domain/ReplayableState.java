package org.peerpulse.indicators.counting.domain;

/**
 * Everything metrics-service derives from the two topics and can derive again by reading them from the
 * beginning: the day rollups and the copy windows. Alerts are not part of it: they carry people's
 * acknowledgements, which no topic holds.
 */
public interface ReplayableState {

    /** Forgets every rollup of every agency and every copy window. */
    void eraseAll();
}
