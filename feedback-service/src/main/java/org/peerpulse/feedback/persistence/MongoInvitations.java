package org.peerpulse.feedback.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.contracts.Topics;
import org.peerpulse.feedback.domain.Answers;
import org.peerpulse.feedback.domain.Invitation;
import org.peerpulse.feedback.domain.Invitations;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.platform.outbox.OutboxEntry;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Invitations in MongoDB. Every change is a single-document write: the embedded store has no
 * transactions, and one document is atomic on both. Everything a lead or an event does is scoped by its
 * agency; only the participant's token path ({@link InvitationTokens}) is not.
 */
public class MongoInvitations implements Invitations, InitializingBean {

    private final TenantCollections tenants;
    private final InvitationTokens tokens;
    private final EventCodec codec;

    public MongoInvitations(TenantCollections tenants, EventCodec codec) {
        this.tenants = tenants;
        this.tokens = new InvitationTokens(tenants);
        this.codec = codec;
    }

    /** Voiding finds a session's invitation by agency and session id; comments are read by program and date. */
    @Override
    public void afterPropertiesSet() {
        tenants.ensureIndex(InvitationDocument.COLLECTION, new Index()
                .on("agencyId", Sort.Direction.ASC).on("sessionId", Sort.Direction.ASC).named("agency_session"));
        tenants.ensureIndex(InvitationDocument.COLLECTION, new Index()
                .on("agencyId", Sort.Direction.ASC).on("programId", Sort.Direction.ASC)
                .on("sessionAt", Sort.Direction.ASC).named("agency_program_session_at"));
    }

    @Override
    public void addIfAbsent(Invitation invitation) {
        try {
            tenants.forAgency(invitation.session().agencyId()).insert(InvitationDocument.of(invitation));
        } catch (DuplicateKeyException alreadyKnown) {
            // A redelivered SessionLogged: the invitation, and anything that happened to it since, stays.
        }
    }

    @Override
    public Optional<Invitation> withTokenHash(String tokenHash) {
        return tokens.withTokenHash(tokenHash).map(InvitationDocument::toInvitation);
    }

    @Override
    public void voidForSession(String agencyId, String sessionId) {
        tenants.forAgency(agencyId).updateMulti(Query.query(Criteria.where("sessionId").is(sessionId)),
                Update.update("voided", true), InvitationDocument.class);
    }

    @Override
    public boolean redeemIfOpen(String tokenHash, Answers answers, FeedbackSubmitted submitted, Instant now) {
        Update redeem = new Update()
                .set("redeemedAt", now)
                .set("answers", InvitationDocument.AnswersDocument.of(answers))
                .push(OutboxEntry.OUTBOX_FIELD, OutboxEntry.of(submitted, Topics.FEEDBACK, codec))
                .set(OutboxEntry.PENDING_FIELD, true);
        return tokens.redeemIfOpen(tokenHash, now, redeem);
    }

    @Override
    public List<String> commentsOn(String agencyId, String programId, Instant from, Instant until) {
        Query commented = Query.query(Criteria.where("programId").is(programId)
                .and("sessionAt").gte(from).lt(until)
                .and("voided").is(false)
                .and("answers.comment").ne(null));
        commented.fields().include("answers.comment").exclude("_id");
        return tenants.forAgency(agencyId).find(commented, Document.class, InvitationDocument.COLLECTION).stream()
                .map(document -> document.get("answers", Document.class))
                .filter(Objects::nonNull)
                .map(answers -> answers.getString("comment"))
                .filter(Objects::nonNull)
                .toList();
    }
}
