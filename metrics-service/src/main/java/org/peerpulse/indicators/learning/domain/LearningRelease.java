package org.peerpulse.indicators.learning.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A batch of feedback released to one specialist: the view as it stood at the start of {@code week}.
 *
 * @param week the Monday, in the agency's time zone, of the week the release was made in
 * @param answersCounted every answer the specialist had in the release's window, hidden or not; kept only to
 *     decide the next release, never shown
 */
public record LearningRelease(String agencyId, String specialistId, LocalDate week, long answersCounted,
        LearningView view) {

    public LearningRelease {
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(specialistId, "specialistId");
        Objects.requireNonNull(week, "week");
        Objects.requireNonNull(view, "view");
    }
}
