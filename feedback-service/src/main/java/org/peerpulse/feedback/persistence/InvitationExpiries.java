package org.peerpulse.feedback.persistence;

import java.time.Duration;
import java.time.Instant;
import org.peerpulse.platform.tenancy.AcrossAgencies;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Notices invitations that expired unanswered, for the ops meter of expired invitations; one a reissue retired
 * is not counted, as the link that took its place (or the answer that made it unneeded) holds its place.
 * Nothing happens to
 * an invitation when it expires, so the store marks each one {@code expiryNoted} once, in a conditional
 * multi-update whose count is the number newly expired: every invitation is counted exactly once, however
 * many instances sweep at the same time. It spans every agency and hands back a number only.
 */
@AcrossAgencies("counts invitations of every agency that expired unanswered, for an ops meter; returns a count only")
public final class InvitationExpiries {

    /** How far back a sweep looks: an invitation that expired while no instance ran for longer is not counted. */
    static final Duration LOOKBACK = Duration.ofDays(7);
    static final String NOTED = "expiryNoted";

    private final MongoOperations mongo;

    public InvitationExpiries(TenantCollections tenants) {
        this.mongo = tenants.acrossAgencies("count invitations that expired unanswered");
    }

    public void createIndex() {
        mongo.indexOps(InvitationDocument.COLLECTION).createIndex(new Index("expiresAt", Sort.Direction.ASC));
    }

    /** Marks the invitations that expired unanswered by {@code now}; returns how many were not marked before. */
    public long noteExpired(Instant now) {
        Query expired = Query.query(Criteria.where("expiresAt").lte(now).gt(now.minus(LOOKBACK))
                .and("redeemedAt").is(null)
                .and("voided").is(false)
                .and(InvitationDocument.RETIRED).is(null)
                .and(NOTED).exists(false));
        return mongo.updateMulti(expired, Update.update(NOTED, true), InvitationDocument.COLLECTION)
                .getModifiedCount();
    }
}
