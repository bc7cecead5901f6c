package org.peerpulse.platform.tenancy;

import java.util.Objects;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.IndexDefinition;

/**
 * The only way from repository code to MongoDB: one agency's scope per call, or the named, narrow door for
 * work that is legitimately across agencies.
 */
public final class TenantCollections {

    /** The one name of the tenant field, in every document and as the first key of every index. */
    public static final String AGENCY_FIELD = "agencyId";

    private final MongoOperations mongo;

    public TenantCollections(MongoOperations mongo) {
        this.mongo = Objects.requireNonNull(mongo, "mongo");
    }

    /** Everything done through the answer is confined to {@code agencyId}'s documents. */
    public AgencyScopedMongo forAgency(String agencyId) {
        if (agencyId == null || agencyId.isBlank()) {
            throw new IllegalArgumentException("an agency scope needs an agency");
        }
        return new AgencyScopedMongo(mongo, agencyId);
    }

    /**
     * Unscoped access, for the few paths listed in this package's description. The reason is required so the
     * call site states it; the calling type must also carry {@link AcrossAgencies} (checked by the
     * architecture rules).
     */
    public MongoOperations acrossAgencies(String why) {
        if (why == null || why.isBlank()) {
            throw new IllegalArgumentException("unscoped access needs a reason");
        }
        return mongo;
    }

    /**
     * Creates {@code index} only if the agency is its first key: every scoped filter starts with the agency,
     * an index that does not cannot serve it, and the embedded store uses an index only when the filter's keys
     * equal the index's keys exactly.
     */
    public String ensureIndex(Class<?> type, IndexDefinition index) {
        requireAgencyFirst(index);
        return mongo.indexOps(type).createIndex(index);
    }

    public String ensureIndex(String collection, IndexDefinition index) {
        requireAgencyFirst(index);
        return mongo.indexOps(collection).createIndex(index);
    }

    private static void requireAgencyFirst(IndexDefinition index) {
        Document keys = index.getIndexKeys();
        if (keys.isEmpty() || !AGENCY_FIELD.equals(keys.keySet().iterator().next())) {
            throw new ForeignAgencyException("an index must start with " + AGENCY_FIELD + ", was " + keys.keySet());
        }
    }
}
