package org.peerpulse.indicators.learning.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Optional;

import org.peerpulse.indicators.learning.domain.LearningRelease;
import org.peerpulse.indicators.learning.domain.LearningReleases;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Learning releases in their own collection, read and written only through one agency's scope; the agency
 * leads the one index too.
 */
public class MongoLearningReleases implements LearningReleases {

    private final TenantCollections tenants;

    public MongoLearningReleases(TenantCollections tenants) {
        this.tenants = tenants;
    }

    /** At start, before any agency calls: the index leads with the agency, as every scoped filter does. */
    public void createIndexes() {
        tenants.ensureIndex(LearningReleaseDocument.class,
                new Index(LearningReleaseDocument.AGENCY, Sort.Direction.ASC)
                        .on(LearningReleaseDocument.SPECIALIST, Sort.Direction.ASC)
                        .on(LearningReleaseDocument.WEEK, Sort.Direction.DESC)
                        .unique());
    }

    @Override
    public Optional<LearningRelease> latest(String agencyId, String specialistId) {
        Query query = Query.query(where(LearningReleaseDocument.SPECIALIST).is(specialistId))
                .with(Sort.by(Sort.Direction.DESC, LearningReleaseDocument.WEEK))
                .limit(1);
        return tenants.forAgency(agencyId).findOne(query, LearningReleaseDocument.class)
                .map(LearningReleaseDocument::toRelease);
    }

    @Override
    public void add(LearningRelease release) {
        try {
            tenants.forAgency(release.agencyId()).insert(LearningReleaseDocument.of(release));
        } catch (DuplicateKeyException alreadyReleased) {
            // Another read made this week's release first; it was made from the same window, so it stands.
        }
    }
}
