package org.peerpulse.feedback.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.peerpulse.platform.tenancy.AcrossAgencies;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Stores the invitations of one poll of the session stream in one unordered bulk insert. A poll holds every
 * agency's sessions, so this write is not scoped by one agency: each document carries the agency of the event
 * it was learned from, and nothing is read. An insert refused as a duplicate key is an invitation already
 * known (a redelivered or repeated SessionLogged) and is left as it is, with whatever happened to it since;
 * the others in the batch are stored regardless, and any other refusal is an error. Before that, one read by
 * {@code _id} tells which of a poll's invitations are known already, ids only.
 */
@AcrossAgencies("a poll of the session stream holds every agency's invitations, each stored under its own agency")
final class LearnedInvitations {

    private static final int DUPLICATE_KEY = 11000;

    private final MongoOperations mongo;

    LearnedInvitations(TenantCollections tenants) {
        this.mongo = tenants.acrossAgencies("learn a batch of every agency's invitations, each under its own agency");
    }

    Set<String> knownAmong(Collection<String> tokenHashes) {
        if (tokenHashes.isEmpty()) {
            return Set.of();
        }
        Query known = Query.query(Criteria.where("_id").in(tokenHashes));
        known.fields().include("_id");
        return mongo.find(known, Document.class, InvitationDocument.COLLECTION).stream()
                .map(document -> document.getString("_id")).collect(Collectors.toUnmodifiableSet());
    }

    void insertAllIfAbsent(List<InvitationDocument> invitations) {
        if (invitations.isEmpty()) {
            return;
        }
        try {
            mongo.bulkOps(BulkMode.UNORDERED, InvitationDocument.class).insert(invitations).execute();
        } catch (BulkOperationException e) {
            if (!e.getErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY)) {
                throw e;
            }
        }
    }
}
