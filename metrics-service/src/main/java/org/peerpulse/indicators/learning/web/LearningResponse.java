package org.peerpulse.indicators.learning.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.peerpulse.indicators.dashboards.domain.ItemScore;
import org.peerpulse.indicators.learning.application.LearningAnswer;
import org.peerpulse.indicators.learning.domain.LearningRelease;
import org.peerpulse.indicators.learning.domain.ValueReflection;

/**
 * A specialist's learning view on the wire: strengths first, no harm reports, comments or alerts.
 * {@code releasedAt} is the start of the release's week, never the moment it was made or read.
 *
 * @param released whether any release exists yet; before the first, every figure is {@code null}
 * @param status what the specialist should expect, without saying how many more answers are awaited
 * @param reflectionGap per value the specialist said they practiced, most practiced first; empty before the
 *     first release and for a release stored before the gap was kept
 */
record LearningResponse(String agencyId, String specialistId, boolean released, Instant releasedAt,
        LocalDate from, LocalDate to, Long responses, List<String> signatureStrengths, List<ItemScore> items,
        ItemScore hope, List<ValueGap> reflectionGap, LocalDate nextReleaseNotBefore, String status) {

    /**
     * One value of the reflection gap: both means, or neither and {@code withheld} (fewer than k answers in the
     * practiced sessions or in the others).
     */
    record ValueGap(String code, long practicedSessions, Double meanWhenPracticed, Double meanOtherwise,
            boolean withheld) {

        static ValueGap of(ValueReflection value) {
            return new ValueGap(value.code(), value.practicedSessions(), value.meanWhenPracticed(),
                    value.meanOtherwise(), value.withheld());
        }
    }

    static LearningResponse of(String agencyId, String specialistId, LearningAnswer answer, ZoneId zone) {
        String waiting = "A new release comes at the start of a week, once at least " + answer.k()
                + " new answers have arrived.";
        if (answer.release().isEmpty()) {
            return new LearningResponse(agencyId, specialistId, false, null, null, null, null, List.of(), List.of(),
                    null, List.of(), answer.nextWeek(), "Nothing released yet. " + waiting);
        }
        LearningRelease release = answer.release().get();
        return new LearningResponse(agencyId, specialistId, true, release.week().atStartOfDay(zone).toInstant(),
                release.view().from(), release.view().to(), release.view().responses(),
                release.view().signatureStrengths(), release.view().items(), release.view().hope(),
                release.view().reflectionGap().stream().map(ValueGap::of).toList(), answer.nextWeek(), waiting);
    }
}
