package org.peerpulse.indicators.counting.persistence;

import static org.peerpulse.indicators.counting.persistence.BulkUpserts.UNORDERED;
import static org.peerpulse.indicators.counting.persistence.BulkUpserts.UPSERT;
import static org.peerpulse.indicators.counting.persistence.BulkUpserts.duplicatesOnly;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOneModel;
import org.bson.Document;
import org.peerpulse.platform.tenancy.AcrossAgencies;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * The event consumer's side of the rollups: one batch holds every agency's events, each rollup's id and
 * agency come from its events (the agency is written on insert), and the watermark guards must stay keyed
 * by {@code _id}, which is what the bulk upserts are fast on. Only these two operations cross agencies;
 * every dashboard read goes through the agency scope. Like the facts, they use the driver's collection
 * directly: filters and updates are documents already, and Spring Data's mapping of each one cost more
 * than the write.
 */
@AcrossAgencies("the event consumer reads watermarks and upserts rollups of every agency in one batch; the agency comes from the events")
final class RollupIngest {

    private final MongoCollection<Document> rollups;
    private final MongoCollection<Document> versions;

    RollupIngest(TenantCollections tenants) {
        MongoOperations mongo = tenants.acrossAgencies("rollup ingest of events whose agency comes from the event");
        this.rollups = mongo.getCollection(RollupDocument.COLLECTION);
        this.versions = mongo.getCollection(RollupDocument.VERSIONS);
    }

    /** One unordered bulk that moves each agency's version on by one, creating it at 1. */
    void moveVersions(Set<String> agencyIds) {
        List<UpdateOneModel<Document>> writes = new ArrayList<>(agencyIds.size());
        for (String agencyId : agencyIds) {
            writes.add(new UpdateOneModel<>(new Document(RollupDocument.ID, agencyId),
                    new Document("$inc", new Document(RollupDocument.VERSION, 1L))
                            .append("$setOnInsert", new Document(RollupDocument.AGENCY, agencyId)), UPSERT));
        }
        versions.bulkWrite(writes, UNORDERED);
    }

    /** The rollups with these ids, with only the given fields (and {@code _id}). */
    List<Document> findById(Collection<String> ids, String... fields) {
        Document projection = new Document();
        for (String field : fields) {
            projection.append(field, 1);
        }
        return rollups.find(new Document(RollupDocument.ID, new Document("$in", List.copyOf(ids))))
                .projection(projection).into(new ArrayList<>());
    }

    /**
     * One unordered bulk of upserts; answers the positions of those refused as duplicate keys (a guard that no
     * longer held, so the upsert tried a second document with the same id). Any other error is thrown.
     */
    Set<Integer> upsertAll(List<Upsert> upserts) {
        List<UpdateOneModel<Document>> writes = new ArrayList<>(upserts.size());
        upserts.forEach(upsert -> writes.add(new UpdateOneModel<>(upsert.filter(), upsert.update(), UPSERT)));
        try {
            rollups.bulkWrite(writes, UNORDERED);
            return Set.of();
        } catch (MongoBulkWriteException e) {
            Set<Integer> refused = new HashSet<>();
            for (BulkWriteError error : duplicatesOnly(e)) {
                refused.add(error.getIndex());
            }
            return refused;
        }
    }

    /** An update of the one document {@code filter} matches, inserting it when none does. */
    record Upsert(Document filter, Document update) {
    }
}
