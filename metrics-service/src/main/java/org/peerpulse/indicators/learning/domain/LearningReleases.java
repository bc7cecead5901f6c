package org.peerpulse.indicators.learning.domain;

import java.util.Optional;

/** The releases of every specialist's learning view, always read and written within one agency. */
public interface LearningReleases {

    /** The specialist's newest release, if any was ever made. */
    Optional<LearningRelease> latest(String agencyId, String specialistId);

    /** Stores a release; a second release of the same specialist and week is dropped, the first stands. */
    void add(LearningRelease release);
}
