package org.peerpulse.platform.tenancy;

import java.util.Objects;
import org.springframework.data.mongodb.core.MongoOperations;

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
}
