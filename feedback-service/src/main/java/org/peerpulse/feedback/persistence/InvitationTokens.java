package org.peerpulse.feedback.persistence;

import java.time.Instant;
import java.util.Optional;
import org.peerpulse.platform.tenancy.AcrossAgencies;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The participant's way in: an invitation found by the hash of its token. The participant has no login and
 * no agency claim; the unguessable token is the capability, and its hash is the document's id, so this is
 * the one read and write in feedback-service that is not scoped by a caller's agency.
 */
@AcrossAgencies("a participant redeems a feedback token by its hash; the token is the capability")
final class InvitationTokens {

    private final MongoOperations mongo;

    InvitationTokens(TenantCollections tenants) {
        this.mongo = tenants.acrossAgencies("a participant redeems a feedback token by its hash");
    }

    Optional<InvitationDocument> withTokenHash(String tokenHash) {
        return Optional.ofNullable(mongo.findById(tokenHash, InvitationDocument.class));
    }

    boolean redeemIfOpen(String tokenHash, Instant now, Update redeem) {
        Query open = Query.query(Criteria.where("_id").is(tokenHash)
                .and("redeemedAt").is(null)
                .and("voided").is(false)
                .and(InvitationDocument.RETIRED).is(null)
                .and("expiresAt").gt(now));
        return mongo.findAndModify(open, redeem, InvitationDocument.class) != null;
    }
}
