package org.peerpulse.indicators.persistence;

import java.util.List;
import org.bson.Document;
import org.peerpulse.platform.tenancy.AcrossAgencies;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The event consumer's side of the rollups: one batch holds every agency's events, each rollup's id and
 * agency come from its events (the agency is written on insert), and the watermark guards must stay keyed
 * by {@code _id} alone, which is what the bulk upserts are fast on. Only these two operations cross agencies;
 * every dashboard read goes through the agency scope.
 */
@AcrossAgencies("the event consumer reads watermarks and upserts rollups of every agency in one batch; the agency comes from the events")
final class RollupIngest {

    private final MongoOperations mongo;

    RollupIngest(TenantCollections tenants) {
        this.mongo = tenants.acrossAgencies("rollup ingest of events whose agency comes from the event");
    }

    List<Document> findById(Query byId) {
        return mongo.find(byId, Document.class, RollupDocument.COLLECTION);
    }

    BulkOperations unorderedBulk() {
        return mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, RollupDocument.COLLECTION);
    }
}
