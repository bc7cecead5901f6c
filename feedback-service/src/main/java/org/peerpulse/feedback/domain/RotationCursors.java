package org.peerpulse.feedback.domain;

/**
 * Where each agency stands in its {@link ValueRotation}: a count of the value-item slots its forms took so far,
 * starting at 0.
 */
public interface RotationCursors {

    /**
     * Moves the agency's cursor on by {@code slots} in one atomic step.
     *
     * @return where it stood before: the first of the {@code slots} taken
     */
    long advance(String agencyId, long slots);
}
