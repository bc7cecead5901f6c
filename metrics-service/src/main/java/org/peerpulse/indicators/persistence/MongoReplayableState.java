package org.peerpulse.indicators.persistence;

import org.peerpulse.indicators.domain.ReplayableState;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Removes every document of the facts and the rollups, keeping the collections and their indexes (which
 * the services created at start and would not create again). The alerts collection is not touched.
 */
public class MongoReplayableState implements ReplayableState {

    private final MongoTemplate mongo;

    public MongoReplayableState(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void eraseAll() {
        for (String collection : new String[] {FactDocuments.SESSIONS, FactDocuments.FEEDBACK,
                RollupDocument.COLLECTION}) {
            mongo.remove(new Query(), collection);
        }
    }
}
