package org.peerpulse.session.persistence;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.peerpulse.contracts.Activity;
import org.peerpulse.contracts.Channel;
import org.peerpulse.contracts.FocusArea;
import org.peerpulse.contracts.FrameworkRef;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.Topics;
import org.peerpulse.platform.outbox.Outbox;
import org.peerpulse.platform.outbox.OutboxEntry;
import org.peerpulse.platform.tenancy.AgencyScopedMongo;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.peerpulse.session.domain.Idempotency;
import org.peerpulse.session.domain.Session;
import org.peerpulse.session.domain.SessionDetails;
import org.peerpulse.session.domain.SessionPage;
import org.peerpulse.session.domain.SessionSearch;
import org.peerpulse.session.domain.Sessions;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * {@link Sessions} on MongoDB: every change is one single-document write carrying its own outbox entry, and
 * every read and write goes through the caller's agency scope, so a foreign session id finds nothing.
 */
public class MongoSessions implements Sessions {

    private final TenantCollections tenants;
    private final Outbox outbox;

    public MongoSessions(TenantCollections tenants, Outbox outbox) {
        this.tenants = tenants;
        this.outbox = outbox;
    }

    @Override
    public boolean add(Session session, SessionLogged logged) {
        try {
            tenants.forAgency(session.details().agencyId()).insert(toDocument(session, outbox.entries(Topics.SESSIONS, logged)));
            return true;
        } catch (DuplicateKeyException retryKeyTaken) {
            return false;
        }
    }

    @Override
    public Optional<Session> find(String agencyId, String sessionId) {
        Query query = Query.query(Criteria.where("_id").is(sessionId));
        return tenants.forAgency(agencyId).findOne(query, SessionDocument.class).map(MongoSessions::toSession);
    }

    @Override
    public Optional<Session> findByIdempotencyKey(String agencyId, String keyHash) {
        Query query = Query.query(Criteria.where(SessionDocument.RETRY_AGENCY).is(agencyId)
                .and(SessionDocument.RETRY_KEY_HASH).is(keyHash));
        return tenants.forAgency(agencyId).findOne(query, SessionDocument.class).map(MongoSessions::toSession);
    }

    @Override
    public boolean markVoided(Session.Voided voided) {
        Session session = voided.session();
        Session.Voiding voiding = session.voiding();
        Query notYetVoided = Query.query(Criteria.where("_id").is(session.sessionId())
                .and(SessionDocument.VOIDED_AT).is(null));
        Update update = outbox.append(new Update()
                .set(SessionDocument.VOIDED_AT, voiding.at())
                .set(SessionDocument.VOIDED_BY, voiding.by())
                .set(SessionDocument.VOID_REASON, voiding.reason()), Topics.SESSIONS, voided.event());
        return tenants.forAgency(session.agencyId()).findAndModify(notYetVoided, update,
                FindAndModifyOptions.options().returnNew(false), SessionDocument.class).isPresent();
    }

    @Override
    public boolean replaceInvitations(Session.Reissued reissued) {
        Session session = reissued.session();
        // Still the links this reissue replaces (and not voided): a concurrent void or reissue wins, this one
        // changes nothing. Every reissue replaces the first link too, so its hash says which links stand. A
        // session from before group sessions holds its one link in the old field.
        String first = reissued.replaced().get(0).tokenHash();
        Criteria sameLinks = new Criteria().orOperator(
                Criteria.where(SessionDocument.INVITATIONS + ".0.tokenHash").is(first),
                Criteria.where(SessionDocument.INVITATION_TOKEN_HASH).is(first));
        Query stillTheSame = Query.query(Criteria.where("_id").is(session.sessionId())
                .and(SessionDocument.VOIDED_AT).is(null)).addCriteria(sameLinks);
        Update update = outbox.append(new Update()
                .set(SessionDocument.INVITATIONS, invitationDocuments(session.invitations()))
                .unset(SessionDocument.INVITATION_TOKEN_HASH)
                .unset(SessionDocument.INVITATION_EXPIRES_AT), Topics.SESSIONS, reissued.event());
        return tenants.forAgency(session.agencyId()).updateFirst(stillTheSame, update, SessionDocument.class)
                .getModifiedCount() == 1;
    }

    @Override
    public SessionPage search(SessionSearch search) {
        AgencyScopedMongo agency = tenants.forAgency(search.agencyId());
        // The scope would add the agency anyway; naming it here only starts the criteria chain.
        Criteria criteria = Criteria.where(TenantCollections.AGENCY_FIELD).is(search.agencyId());
        if (search.programId() != null) {
            criteria = criteria.and("programId").is(search.programId());
        }
        if (search.specialistId() != null) {
            criteria = criteria.and("specialistId").is(search.specialistId());
        }
        if (search.from() != null || search.to() != null) {
            Criteria day = criteria.and("sessionAt");
            if (search.from() != null) {
                day = day.gte(search.from().atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            if (search.to() != null) {
                day = day.lt(search.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
        }
        long total = agency.count(Query.query(criteria), SessionDocument.class);
        Query page = Query.query(criteria)
                .with(Sort.by(Sort.Order.desc("sessionAt"), Sort.Order.desc("_id")))
                .skip(search.skip())
                .limit(search.size());
        page.fields().exclude(OutboxEntry.OUTBOX_FIELD);
        List<Session> items = agency.find(page, SessionDocument.class).stream().map(MongoSessions::toSession).toList();
        return new SessionPage(items, total);
    }

    private static SessionDocument toDocument(Session session, List<OutboxEntry> entries) {
        SessionDetails details = session.details();
        Idempotency idempotency = session.idempotency();
        SessionDocument.RetryKey retryKey = idempotency == null ? null
                : new SessionDocument.RetryKey(details.agencyId(), idempotency.keyHash(),
                        idempotency.requestFingerprint());
        return new SessionDocument(session.sessionId(), details.agencyId(), details.programId(),
                details.specialistId(), details.participantPseudonym(), details.sessionAt(),
                details.durationMinutes(), details.channel().name(), details.activity().name(),
                details.focusAreas().stream().map(FocusArea::name).toList(), details.strengthsNoted(),
                details.valuesPracticed(), details.framework().id(), details.framework().version(),
                invitationDocuments(session.invitations()), null, null, session.loggedAt(), details.loggedBy(),
                retryKey, null, null, null, entries, !entries.isEmpty());
    }

    private static Session toSession(SessionDocument document) {
        SessionDetails details = new SessionDetails(document.agencyId(), document.programId(),
                document.specialistId(), document.participantPseudonym(), document.sessionAt(),
                document.durationMinutes(), Channel.valueOf(document.channel()), Activity.valueOf(document.activity()),
                document.focusAreas().stream().map(FocusArea::valueOf).toList(), document.strengthsNoted(),
                document.valuesPracticed(), new FrameworkRef(document.frameworkId(), document.frameworkVersion()),
                document.loggedBy());
        Idempotency idempotency = document.retryKey() == null ? null
                : new Idempotency(document.retryKey().keyHash(), document.retryKey().requestFingerprint());
        Session.Voiding voiding = document.voidedAt() == null ? null
                : new Session.Voiding(document.voidedAt(), document.voidedBy(), document.voidReason());
        List<Session.Invitation> invitations = document.invitations() != null
                ? document.invitations().stream()
                        .map(invitation -> new Session.Invitation(invitation.tokenHash(), invitation.expiresAt()))
                        .toList()
                : List.of(new Session.Invitation(document.invitationTokenHash(), document.invitationExpiresAt()));
        return new Session(document.id(), details, invitations, document.loggedAt(), idempotency, voiding);
    }

    private static List<SessionDocument.InvitationDocument> invitationDocuments(List<Session.Invitation> invitations) {
        return invitations.stream()
                .map(invitation -> new SessionDocument.InvitationDocument(invitation.tokenHash(),
                        invitation.expiresAt()))
                .toList();
    }
}
