package org.peerpulse.indicators.learning.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.peerpulse.indicators.dashboards.domain.ItemScore;
import org.peerpulse.indicators.learning.application.LearningAnswer;
import org.peerpulse.indicators.learning.domain.LearningRelease;

/**
 * A specialist's learning view on the wire: strengths first, no harm reports, comments or alerts.
 * {@code releasedAt} is the start of the release's week, never the moment it was made or read.
 *
 * @param released whether any release exists yet; before the first, every figure is {@code null}
 * @param status what the specialist should expect, without saying how many more answers are awaited
 */
record LearningResponse(String agencyId, String specialistId, boolean released, Instant releasedAt,
        LocalDate from, LocalDate to, Long responses, List<String> signatureStrengths, List<ItemScore> items,
        ItemScore hope, LocalDate nextReleaseNotBefore, String status) {

    static LearningResponse of(String agencyId, String specialistId, LearningAnswer answer, ZoneId zone) {
        String waiting = "A new release comes at the start of a week, once at least " + answer.k()
                + " new answers have arrived.";
        if (answer.release().isEmpty()) {
            return new LearningResponse(agencyId, specialistId, false, null, null, null, null, List.of(), List.of(),
                    null, answer.nextWeek(), "Nothing released yet. " + waiting);
        }
        LearningRelease release = answer.release().get();
        return new LearningResponse(agencyId, specialistId, true, release.week().atStartOfDay(zone).toInstant(),
                release.view().from(), release.view().to(), release.view().responses(),
                release.view().signatureStrengths(), release.view().items(), release.view().hope(),
                answer.nextWeek(), waiting);
    }
}
