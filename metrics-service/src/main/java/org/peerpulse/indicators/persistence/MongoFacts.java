package org.peerpulse.indicators.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.mongodb.bulk.BulkWriteError;
import org.bson.Document;
import org.peerpulse.indicators.domain.FeedbackFact;
import org.peerpulse.indicators.domain.Facts;
import org.peerpulse.indicators.domain.SessionChange;
import org.peerpulse.indicators.domain.SessionFact;
import org.peerpulse.indicators.domain.SessionRef;
import org.peerpulse.platform.tenancy.AcrossAgencies;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.util.Pair;

/**
 * The session and feedback facts in MongoDB; see the package description for the shapes and why every
 * write here is safe to repeat. Each method is one read or one unordered bulk write (repeated only for
 * the writes that met a concurrent insert).
 *
 * <p>Not scoped by a caller's agency: the event consumer applies one batch holding every agency's events,
 * each fact's agency comes from its own event (and is written with it), and no request path reads facts;
 * session and event ids are already the agency's own. Every read and guarded write is keyed by {@code _id},
 * so the {@code _id} index serves it.
 */
@AcrossAgencies("the event consumer applies every agency's events in one batch; each fact's agency comes from its event")
public class MongoFacts implements Facts {

    private static final int DUPLICATE_KEY = 11000;
    private static final int UPSERT_ATTEMPTS = 3;

    private final MongoOperations mongo;

    public MongoFacts(TenantCollections tenants) {
        this.mongo = tenants.acrossAgencies("ingest of events whose agency comes from the event");
    }

    @Override
    public Map<SessionRef, SessionFact> sessions(Collection<SessionRef> sessions) {
        if (sessions.isEmpty()) {
            return Map.of();
        }
        List<String> ids = sessions.stream().map(SessionRef::id).distinct().toList();
        Map<SessionRef, SessionFact> found = new HashMap<>();
        for (Document document : mongo.find(Query.query(Criteria.where(FactDocuments.ID).in(ids)), Document.class,
                FactDocuments.SESSIONS)) {
            SessionFact fact = FactDocuments.toSessionFact(document);
            found.put(fact.session(), fact);
        }
        return found;
    }

    @Override
    public void record(List<SessionChange> changes) {
        List<Pair<Query, Update>> writes = new ArrayList<>(changes.size());
        for (SessionChange change : changes) {
            Criteria stillAbsent = Criteria.where(FactDocuments.ID).is(change.session().id());
            Update update = created(change.session());
            if (change.logged() != null) {
                stillAbsent.and(FactDocuments.LOGGED).is(null);
                update.set(FactDocuments.LOGGED, FactDocuments.logged(change.logged()));
            }
            if (change.voided() != null || (change.logged() != null && change.logged().counted())) {
                // A session counted as not voided must not be recorded on top of a void someone else wrote.
                stillAbsent.and(FactDocuments.VOIDED).is(null);
            }
            if (change.voided() != null) {
                update.set(FactDocuments.VOIDED, FactDocuments.voided(change.voided()));
            }
            writes.add(Pair.of(Query.query(stillAbsent), update));
        }
        upsertUnlessGuarded(writes);
    }

    @Override
    public void recordFeedback(List<FeedbackFact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        List<Pair<Query, Update>> inserts = new ArrayList<>(facts.size());
        for (FeedbackFact fact : facts) {
            Update update = new Update();
            FactDocuments.feedback(fact).forEach(update::setOnInsert);
            inserts.add(Pair.of(Query.query(Criteria.where(FactDocuments.ID).is(fact.event().eventId().toString())),
                    update));
        }
        upsertAll(FactDocuments.FEEDBACK, inserts);
    }

    @Override
    public void claim(Map<SessionRef, Set<UUID>> feedbackBySession) {
        List<Pair<Query, Update>> writes = new ArrayList<>(feedbackBySession.size());
        feedbackBySession.forEach((session, ids) -> {
            Query notVoided = Query.query(
                    Criteria.where(FactDocuments.ID).is(session.id()).and(FactDocuments.VOIDED).is(null));
            Object[] eventIds = ids.stream().map(UUID::toString).toArray();
            writes.add(Pair.of(notVoided, created(session).addToSet(FactDocuments.FEEDBACK_IDS).each(eventIds)));
        });
        upsertUnlessGuarded(writes);
    }

    @Override
    public Map<UUID, FeedbackFact> feedback(Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        List<String> ids = eventIds.stream().map(UUID::toString).distinct().toList();
        Map<UUID, FeedbackFact> found = new HashMap<>();
        for (Document document : mongo.find(Query.query(Criteria.where(FactDocuments.ID).in(ids)), Document.class,
                FactDocuments.FEEDBACK)) {
            FeedbackFact fact = FactDocuments.toFeedbackFact(document);
            found.put(fact.event().eventId(), fact);
        }
        return found;
    }

    private static Update created(SessionRef session) {
        return new Update().setOnInsert(FactDocuments.AGENCY, session.agencyId())
                .setOnInsert(FactDocuments.SESSION, session.sessionId());
    }

    /**
     * Upserts on a session record whose filter adds a guard ({@code voided} or {@code logged} still
     * absent). Where the record exists and the guard does not hold, the upsert tries to insert a second
     * record with the same id and fails with E11000: that is the answer "already set", and nothing must be
     * written. The first E11000 may also be two writers creating the same record at once, so those writes
     * are repeated once; then the record certainly exists, and an E11000 can only mean the guard.
     */
    private void upsertUnlessGuarded(List<Pair<Query, Update>> writes) {
        List<Pair<Query, Update>> pending = writes;
        for (int attempt = 1; attempt <= 2 && !pending.isEmpty(); attempt++) {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, FactDocuments.SESSIONS);
            bulk.upsert(pending);
            try {
                bulk.execute();
                return;
            } catch (BulkOperationException e) {
                List<Pair<Query, Update>> refused = new ArrayList<>();
                for (BulkWriteError error : e.getErrors()) {
                    if (error.getCode() != DUPLICATE_KEY) {
                        throw e;
                    }
                    refused.add(pending.get(error.getIndex()));
                }
                pending = refused;
            }
        }
    }

    /**
     * Insert-if-absent upserts keyed by {@code _id}. Two writers inserting the same id at once can make
     * one fail with E11000 on a real MongoDB; the repeat then finds the document and leaves it alone.
     */
    private void upsertAll(String collection, List<Pair<Query, Update>> upserts) {
        for (int attempt = 1; ; attempt++) {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
            bulk.upsert(upserts);
            try {
                bulk.execute();
                return;
            } catch (BulkOperationException e) {
                boolean onlyRaces = e.getErrors().stream().mapToInt(BulkWriteError::getCode)
                        .allMatch(code -> code == DUPLICATE_KEY);
                if (!onlyRaces || attempt >= UPSERT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
