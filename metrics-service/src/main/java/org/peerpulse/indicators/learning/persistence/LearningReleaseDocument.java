package org.peerpulse.indicators.learning.persistence;

import java.time.LocalDate;

import org.peerpulse.indicators.learning.domain.LearningRelease;
import org.peerpulse.indicators.learning.domain.LearningView;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One release of one specialist's learning view. The id is agency, specialist and week, so two reads that
 * both find a release due in the same week store one release, not two.
 */
@Document(LearningReleaseDocument.COLLECTION)
record LearningReleaseDocument(@Id String id, String agencyId, String specialistId, LocalDate week,
        long answersCounted, LearningView view) {

    static final String COLLECTION = "learningReleases";
    static final String AGENCY = "agencyId";
    static final String SPECIALIST = "specialistId";
    static final String WEEK = "week";

    static LearningReleaseDocument of(LearningRelease release) {
        return new LearningReleaseDocument(
                release.agencyId() + "|" + release.specialistId() + "|" + release.week(),
                release.agencyId(), release.specialistId(), release.week(), release.answersCounted(), release.view());
    }

    LearningRelease toRelease() {
        return new LearningRelease(agencyId, specialistId, week, answersCounted, view);
    }
}
