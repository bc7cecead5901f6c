package org.peerpulse.indicators.counting.domain;

/**
 * Told after a batch changed counts, for each agency and program it moved: the index floors are checked
 * from there, off the ingest path. Counting does not know what a floor is.
 */
public interface CountsMoved {

    void moved(String agencyId, String programId);
}
