package org.peerpulse.feedback.persistence;

import java.util.Optional;
import org.peerpulse.contracts.FrameworkRef;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.QualityFramework;
import org.peerpulse.feedback.domain.QualityFrameworks;

/**
 * The frameworks every deployment ships with, from the event contracts. Agency-defined versions will
 * be stored alongside them later; callers only see the port.
 */
public class BuiltInFrameworks implements QualityFrameworks {

    @Override
    public Optional<QualityFramework> find(FrameworkRef ref) {
        return Frameworks.find(ref.id(), ref.version());
    }

    @Override
    public Optional<QualityFramework> latest(String id) {
        return Frameworks.latest(id);
    }
}
