package org.peerpulse.feedback.domain;

import java.util.Optional;
import org.peerpulse.contracts.FrameworkRef;
import org.peerpulse.contracts.QualityFramework;

/** The question sets this service can show and check answers against, by id and version. */
public interface QualityFrameworks {

    Optional<QualityFramework> find(FrameworkRef ref);

    Optional<QualityFramework> latest(String id);
}
