package org.peerpulse.feedback.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.contracts.Topics;
import org.peerpulse.feedback.domain.Answers;
import org.peerpulse.feedback.domain.GivenComment;
import org.peerpulse.feedback.domain.HarmReport;
import org.peerpulse.feedback.domain.Invitation;
import org.peerpulse.feedback.domain.Invitations;
import org.peerpulse.platform.outbox.Outbox;
import org.peerpulse.platform.outbox.OutboxEntry;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Invitations in MongoDB. Every change of an invitation is a single-document write: the embedded store has
 * no transactions, and one document is atomic on both. Everything a lead or an event does to an invitation
 * is scoped by its agency; only the participant's token path ({@link InvitationTokens}) and the insert of a
 * whole poll's new invitations ({@link LearnedInvitations}, each under its own agency) are not.
 */
public class MongoInvitations implements Invitations, InitializingBean {

    private final TenantCollections tenants;
    private final InvitationTokens tokens;
    private final LearnedInvitations learned;
    private final Outbox outbox;

    public MongoInvitations(TenantCollections tenants, Outbox outbox) {
        this.tenants = tenants;
        this.tokens = new InvitationTokens(tenants);
        this.learned = new LearnedInvitations(tenants);
        this.outbox = outbox;
    }

    /**
     * Voiding finds a session's invitation by agency and session id; comments are read by program and when they were given; a
     * lead following a harm alert finds its answer by agency and alert id.
     */
    @Override
    public void afterPropertiesSet() {
        tenants.ensureIndex(InvitationDocument.COLLECTION, new Index()
                .on("agencyId", Sort.Direction.ASC).on("sessionId", Sort.Direction.ASC).named("agency_session"));
        tenants.ensureIndex(InvitationDocument.COLLECTION, new Index()
                .on("agencyId", Sort.Direction.ASC).on("programId", Sort.Direction.ASC)
                .on(InvitationDocument.REDEEMED_AT, Sort.Direction.ASC).named("agency_program_redeemed_at"));
        tenants.ensureIndex(InvitationDocument.COLLECTION, new Index()
                .on("agencyId", Sort.Direction.ASC).on(InvitationDocument.HARM_ALERT_ID, Sort.Direction.ASC)
                .sparse().named("agency_harm_alert"));
    }

    @Override
    public void addAllIfAbsent(List<Invitation> invitations) {
        learned.insertAllIfAbsent(invitations.stream().map(InvitationDocument::learned).toList());
    }

    @Override
    public Set<String> knownAmong(Collection<String> tokenHashes) {
        return learned.knownAmong(tokenHashes);
    }

    @Override
    public Optional<Invitation> withTokenHash(String tokenHash) {
        return tokens.withTokenHash(tokenHash).map(InvitationDocument::toInvitation);
    }

    @Override
    public List<Invitation> ofSession(String agencyId, String sessionId) {
        Query ofSession = Query.query(Criteria.where(InvitationDocument.SESSION_ID).is(sessionId));
        ofSession.fields().exclude(OutboxEntry.OUTBOX_FIELD);
        return tenants.forAgency(agencyId).find(ofSession, InvitationDocument.class).stream()
                .map(InvitationDocument::toInvitation).toList();
    }

    @Override
    public Optional<Invitation> inSession(String agencyId, String sessionId, String tokenHash) {
        Query one = Query.query(Criteria.where("_id").is(tokenHash).and(InvitationDocument.SESSION_ID).is(sessionId));
        one.fields().exclude(OutboxEntry.OUTBOX_FIELD);
        return tenants.forAgency(agencyId).findOne(one, InvitationDocument.class)
                .map(InvitationDocument::toInvitation);
    }

    /**
     * One single-document write whose filter is what a replacement may retire: unanswered, not voided, not
     * retired. The participant's redeem filters on the same fields the other way round, so of a redeem and a
     * replacement racing on one link exactly one wins, and the reissue reads again to learn which.
     */
    @Override
    public boolean markReplaced(Invitation replaced) {
        if (replaced.retired() != Invitation.Retirement.REPLACED) {
            throw new IllegalArgumentException("only a replaced invitation is marked replaced");
        }
        Query unanswered = Query.query(Criteria.where("_id").is(replaced.tokenHash())
                .and(InvitationDocument.SESSION_ID).is(replaced.session().sessionId())
                .and(InvitationDocument.VOIDED).is(false)
                .and(InvitationDocument.REDEEMED_AT).is(null)
                .and(InvitationDocument.RETIRED).is(null));
        Update retire = new Update().set(InvitationDocument.RETIRED, Invitation.Retirement.REPLACED.name())
                .set(InvitationDocument.REPLACED_BY, replaced.replacedBy());
        return tenants.forAgency(replaced.session().agencyId())
                .updateFirst(unanswered, retire, InvitationDocument.class).getMatchedCount() == 1;
    }

    /**
     * One single-document write whose filter states what the decision was made on: not voided, and redeemed
     * at the instant read or not at all. A redeem in between changes {@code redeemedAt}, a void in between
     * {@code voided}, so either makes this write match nothing, and the caller decides again; the withdrawal
     * is queued behind the answer's own event in the same document's outbox, so it is published after it.
     */
    @Override
    public boolean markVoided(Invitation.Voided voided) {
        Invitation invitation = voided.invitation();
        Query asRead = Query.query(Criteria.where("_id").is(invitation.tokenHash())
                .and(InvitationDocument.VOIDED).is(false)
                .and(InvitationDocument.REDEEMED_AT).is(invitation.redeemedAt()));
        Update update = Update.update(InvitationDocument.VOIDED, true);
        voided.withdrawal().ifPresent(withdrawn -> outbox.append(update, Topics.FEEDBACK, withdrawn));
        return tenants.forAgency(invitation.session().agencyId())
                .updateFirst(asRead, update, InvitationDocument.class).getMatchedCount() == 1;
    }

    @Override
    public boolean redeemIfOpen(String tokenHash, Answers answers, FeedbackSubmitted submitted, Instant now) {
        Update redeem = outbox.append(new Update()
                .set(InvitationDocument.REDEEMED_AT, now)
                .set(InvitationDocument.ANSWERS, InvitationDocument.AnswersDocument.of(answers))
                .set(InvitationDocument.SUBMITTED_EVENT_ID, submitted.eventId().toString()), Topics.FEEDBACK, submitted);
        if (answers.harmReported()) {
            redeem.set(InvitationDocument.HARM_ALERT_ID,
                    FeedbackSubmitted.harmAlertId(submitted.eventId()).toString());
        }
        return tokens.redeemIfOpen(tokenHash, now, redeem);
    }

    @Override
    public Optional<HarmReport> harmReport(String agencyId, UUID alertId) {
        Query reported = Query.query(Criteria.where(InvitationDocument.HARM_ALERT_ID).is(alertId.toString())
                .and(InvitationDocument.ANSWERS + ".harmReported").is(true));
        reported.fields().include("programId", "sessionAt", InvitationDocument.REDEEMED_AT,
                InvitationDocument.ANSWERS + ".harmText");
        return tenants.forAgency(agencyId).findOne(reported, Document.class, InvitationDocument.COLLECTION)
                .map(found -> {
                    Document answers = found.get(InvitationDocument.ANSWERS, Document.class);
                    return new HarmReport(alertId, found.getString("programId"),
                            found.getDate("sessionAt").toInstant(),
                            found.getDate(InvitationDocument.REDEEMED_AT).toInstant(),
                            answers == null ? null : answers.getString("harmText"));
                });
    }

    @Override
    public List<GivenComment> commentsGiven(String agencyId, String programId, Instant from, Instant until) {
        Query commented = Query.query(Criteria.where("programId").is(programId)
                .and(InvitationDocument.REDEEMED_AT).gte(from).lt(until)
                .and(InvitationDocument.VOIDED).is(false)
                .and(InvitationDocument.ANSWERS + ".comment").ne(null));
        commented.fields().include(InvitationDocument.REDEEMED_AT, InvitationDocument.ANSWERS + ".comment")
                .exclude("_id");
        return tenants.forAgency(agencyId).find(commented, Document.class, InvitationDocument.COLLECTION).stream()
                .map(document -> {
                    Document answers = document.get(InvitationDocument.ANSWERS, Document.class);
                    String comment = answers == null ? null : answers.getString("comment");
                    return comment == null ? null
                            : new GivenComment(document.getDate(InvitationDocument.REDEEMED_AT).toInstant(), comment);
                })
                .filter(Objects::nonNull)
                .toList();
    }
}
