package org.peerpulse.indicators.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Optional;

import org.peerpulse.indicators.domain.LearningRelease;
import org.peerpulse.indicators.domain.LearningReleases;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;

/** Learning releases in their own collection; the agency leads every index and every filter. */
public class MongoLearningReleases implements LearningReleases {

    private final MongoTemplate mongo;

    public MongoLearningReleases(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void createIndexes() {
        mongo.indexOps(LearningReleaseDocument.COLLECTION).createIndex(
                new Index(LearningReleaseDocument.AGENCY, Sort.Direction.ASC)
                        .on(LearningReleaseDocument.SPECIALIST, Sort.Direction.ASC)
                        .on(LearningReleaseDocument.WEEK, Sort.Direction.DESC)
                        .unique());
    }

    @Override
    public Optional<LearningRelease> latest(String agencyId, String specialistId) {
        Query query = Query.query(where(LearningReleaseDocument.AGENCY).is(agencyId)
                        .and(LearningReleaseDocument.SPECIALIST).is(specialistId))
                .with(Sort.by(Sort.Direction.DESC, LearningReleaseDocument.WEEK))
                .limit(1);
        return Optional.ofNullable(mongo.findOne(query, LearningReleaseDocument.class,
                LearningReleaseDocument.COLLECTION)).map(LearningReleaseDocument::toRelease);
    }

    @Override
    public void add(LearningRelease release) {
        try {
            mongo.insert(LearningReleaseDocument.of(release), LearningReleaseDocument.COLLECTION);
        } catch (DuplicateKeyException alreadyReleased) {
            // Another read made this week's release first; it was made from the same window, so it stands.
        }
    }
}
