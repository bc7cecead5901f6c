package org.peerpulse.feedback.persistence;

import org.bson.Document;
import org.peerpulse.feedback.domain.RotationCursors;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * One small document per agency in {@value #COLLECTION}, {@code {_id: agencyId, agencyId, slots}}, moved on by a
 * single {@code findAndModify} with {@code $inc} (upserted the first time): atomic on the embedded store and on
 * MongoDB alike, with no read before the write, so two writers could never take the same slots.
 */
public class MongoRotationCursors implements RotationCursors {

    static final String COLLECTION = "rotation_cursors";
    private static final String SLOTS = "slots";

    private final TenantCollections tenants;

    public MongoRotationCursors(TenantCollections tenants) {
        this.tenants = tenants;
    }

    @Override
    public long advance(String agencyId, long slots) {
        if (slots < 0) {
            throw new IllegalArgumentException("a rotation only moves forward");
        }
        Document after = tenants.forAgency(agencyId).findAndModify(
                        Query.query(Criteria.where("_id").is(agencyId)), new Update().inc(SLOTS, slots),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION)
                .orElseThrow(() -> new IllegalStateException("an upserted cursor always comes back"));
        return ((Number) after.get(SLOTS)).longValue() - slots;
    }
}
