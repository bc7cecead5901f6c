package org.peerpulse.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.peerpulse.platform.tenancy.AcrossAgencies;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The leases that let one relay instance at a time publish an outboxed collection: one document per collection
 * in {@value #COLLECTION} ({@code _id} = the collection, {@code owner} = the relay's instance id, {@code until}).
 * Taking and renewing are the same single guarded write, a find-and-modify that upserts: it matches only while
 * this instance owns the lease or the lease has run out, and an insert racing a live lease meets the
 * {@code _id} and fails. No transaction and no server-side time are needed, so it runs on the embedded store
 * as on MongoDB; {@code until} is the holder's clock, so the instances' clocks must agree to well within a
 * lease (NTP does).
 *
 * <p>The holder renews with that one write per poll. An instance that does not hold the lease reads it first
 * and writes only when it has run out: its upsert would otherwise fail on the {@code _id} at every poll, which
 * the driver's command meters count as failed commands on the operations dashboard.
 */
@AcrossAgencies("a lease names an outboxed collection, not any agency's document")
final class OutboxLeases {

    static final String COLLECTION = "outbox_leases";
    static final String OWNER = "owner";
    static final String UNTIL = "until";

    private final MongoTemplate mongo;
    private final Duration duration;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();
    /** Per collection, until when this instance last took or renewed the lease. */
    private final Map<String, Instant> heldUntil = new ConcurrentHashMap<>();

    OutboxLeases(MongoTemplate mongo, Duration duration, Clock clock) {
        this.mongo = mongo;
        this.duration = duration;
        this.clock = clock;
    }

    /** Takes or renews the lease on {@code collection} for another lease duration; false while another holds it. */
    boolean hold(String collection) {
        Instant now = clock.instant();
        Instant held = heldUntil.get(collection);
        if ((held == null || !now.isBefore(held)) && heldByAnother(collection, now)) {
            return false;
        }
        Query ownOrRunOut = Query.query(Criteria.where("_id").is(collection).orOperator(
                Criteria.where(OWNER).is(owner), Criteria.where(UNTIL).lt(Date.from(now))));
        Update take = new Update().set(OWNER, owner).set(UNTIL, Date.from(now.plus(duration)));
        try {
            if (mongo.findAndModify(ownOrRunOut, take, FindAndModifyOptions.options().upsert(true).returnNew(true),
                    Document.class, COLLECTION) != null) {
                heldUntil.put(collection, now.plus(duration));
                return true;
            }
        } catch (DuplicateKeyException takenMeanwhile) {
            // Another instance's lease is live: this upsert's insert met its _id.
        }
        heldUntil.remove(collection);
        return false;
    }

    private boolean heldByAnother(String collection, Instant now) {
        Document lease = mongo.findById(collection, Document.class, COLLECTION);
        if (lease == null || owner.equals(lease.getString(OWNER))) {
            return false;
        }
        Date until = lease.getDate(UNTIL);
        return until != null && !until.toInstant().isBefore(now);
    }

    /** Gives the lease up at once, if this instance holds it, so another can take over without waiting it out. */
    void release(String collection) {
        heldUntil.remove(collection);
        mongo.remove(Query.query(Criteria.where("_id").is(collection).and(OWNER).is(owner)), COLLECTION);
    }
}
