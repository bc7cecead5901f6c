package org.peerpulse.indicators.counting.persistence;

import org.peerpulse.indicators.counting.domain.ReplayableState;
import org.peerpulse.platform.tenancy.AcrossAgencies;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Removes every document of the rollups and the copy windows, keeping the collections and their indexes
 * (which the services created at start and would not create again). The alerts collection is not touched.
 */
@AcrossAgencies("a rebuild erases every agency's derived state before replaying all topics")
public class MongoReplayableState implements ReplayableState {

    private final MongoOperations mongo;

    public MongoReplayableState(TenantCollections tenants) {
        this.mongo = tenants.acrossAgencies("a rebuild erases every agency's derived state");
    }

    @Override
    public void eraseAll() {
        for (String collection : new String[] {RollupDocument.COLLECTION, MongoCopyWindows.COLLECTION}) {
            mongo.remove(new Query(), collection);
        }
    }
}
