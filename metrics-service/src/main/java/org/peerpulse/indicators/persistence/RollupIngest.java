package org.peerpulse.indicators.persistence;

import java.util.List;
import org.bson.Document;
import org.peerpulse.contracts.Topics;
import org.peerpulse.platform.tenancy.AcrossAgencies;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The event consumer's side of the rollups: one batch holds every agency's events, each rollup's id and
 * agency come from its events (the agency is written on insert), and the write guards must stay keyed
 * by {@code _id} and a write count, which is what the bulk upserts are fast on. Only these operations cross
 * agencies; every dashboard read goes through the agency scope.
 */
@AcrossAgencies("the event consumer reads watermarks and upserts rollups of every agency in one batch; the agency comes from the events")
final class RollupIngest {

    private final MongoOperations mongo;

    RollupIngest(TenantCollections tenants) {
        this.mongo = tenants.acrossAgencies("rollup ingest of events whose agency comes from the event");
    }

    /**
     * One unique index per topic on {@code (_id, writes.<topic>)}, the exact fields of the guarded upserts'
     * filters. On MongoDB the {@code _id} index alone would serve them; the embedded store uses an index only
     * when the filter names exactly its fields and scans the whole collection otherwise. Unique because
     * {@code _id} is.
     */
    void createWriteGuardIndexes() {
        for (String topic : List.of(Topics.SESSIONS, Topics.FEEDBACK)) {
            mongo.indexOps(RollupDocument.COLLECTION).createIndex(new Index(RollupDocument.ID, Sort.Direction.ASC)
                    .on(RollupDocument.writesPath(topic), Sort.Direction.ASC).unique()
                    .named("id_writes_" + topic.replace('.', '_')));
        }
    }

    List<Document> findById(Query byId) {
        return mongo.find(byId, Document.class, RollupDocument.COLLECTION);
    }

    BulkOperations unorderedBulk() {
        return mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, RollupDocument.COLLECTION);
    }
}
