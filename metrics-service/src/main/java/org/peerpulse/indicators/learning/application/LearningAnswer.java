package org.peerpulse.indicators.learning.application;

import java.time.LocalDate;
import java.util.Optional;

import org.peerpulse.indicators.learning.domain.LearningRelease;

/**
 * What a specialist is shown: the newest release, or none yet. The answer never says how many more answers
 * a release waits for: an exact count would tell the specialist when each of the next few participants
 * answered.
 *
 * @param release the newest release, empty before the first one
 * @param k the agency's cell size: a release waits for at least this many new answers
 * @param nextWeek the earliest week a newer release can be made
 */
public record LearningAnswer(Optional<LearningRelease> release, int k, LocalDate nextWeek) {
}
