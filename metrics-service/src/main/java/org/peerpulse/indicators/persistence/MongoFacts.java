package org.peerpulse.indicators.persistence;

import static org.peerpulse.indicators.persistence.BulkUpserts.UNORDERED;
import static org.peerpulse.indicators.persistence.BulkUpserts.UPSERT;
import static org.peerpulse.indicators.persistence.BulkUpserts.duplicatesOnly;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOneModel;
import org.bson.Document;
import org.peerpulse.indicators.domain.FeedbackFact;
import org.peerpulse.indicators.domain.Facts;
import org.peerpulse.indicators.domain.SessionChange;
import org.peerpulse.indicators.domain.SessionFact;
import org.peerpulse.indicators.domain.SessionRef;
import org.peerpulse.platform.tenancy.AcrossAgencies;
import org.peerpulse.platform.tenancy.TenantCollections;

/**
 * The session and feedback facts in MongoDB; see the package description for the shapes and why every
 * write here is safe to repeat. Each method is one read or one unordered bulk write (repeated only for
 * the writes that met a concurrent insert).
 *
 * <p>Not scoped by a caller's agency: the event consumer applies one batch holding every agency's events,
 * each fact's agency comes from its own event (and is written with it), and no request path reads facts;
 * session and event ids are already the agency's own. Every read and guarded write is keyed by {@code _id},
 * so the {@code _id} index serves it. Filters and updates are written as the driver's documents and sent to
 * its collections directly: they are built from documents already, and Spring Data's per-value mapping of
 * each query and update was most of what a batch left for the garbage collector (a class histogram of
 * metrics-service under the benchmark).
 */
@AcrossAgencies("the event consumer applies every agency's events in one batch; each fact's agency comes from its event")
public class MongoFacts implements Facts {

    private static final int UPSERT_ATTEMPTS = 3;


    private final MongoCollection<Document> sessionFacts;
    private final MongoCollection<Document> feedbackFacts;

    public MongoFacts(TenantCollections tenants) {
        var mongo = tenants.acrossAgencies("ingest of events whose agency comes from the event");
        this.sessionFacts = mongo.getCollection(FactDocuments.SESSIONS);
        this.feedbackFacts = mongo.getCollection(FactDocuments.FEEDBACK);
    }

    @Override
    public Map<SessionRef, SessionFact> sessions(Collection<SessionRef> sessions) {
        if (sessions.isEmpty()) {
            return Map.of();
        }
        List<String> ids = sessions.stream().map(SessionRef::id).distinct().toList();
        Map<SessionRef, SessionFact> found = new HashMap<>();
        for (Document document : sessionFacts.find(byIds(ids))) {
            SessionFact fact = FactDocuments.toSessionFact(document);
            found.put(fact.session(), fact);
        }
        return found;
    }

    @Override
    public void record(List<SessionChange> changes) {
        List<UpdateOneModel<Document>> writes = new ArrayList<>(changes.size());
        for (SessionChange change : changes) {
            Document stillAbsent = new Document(FactDocuments.ID, change.session().id());
            Document set = new Document();
            if (change.logged() != null) {
                stillAbsent.append(FactDocuments.LOGGED, null);
                set.append(FactDocuments.LOGGED, FactDocuments.logged(change.logged()));
            }
            if (change.voided() != null || (change.logged() != null && change.logged().counted())) {
                // A session counted as not voided must not be recorded on top of a void someone else wrote.
                stillAbsent.append(FactDocuments.VOIDED, null);
            }
            if (change.voided() != null) {
                set.append(FactDocuments.VOIDED, FactDocuments.voided(change.voided()));
            }
            Document update = created(change.session());
            if (!set.isEmpty()) {
                update.append("$set", set);
            }
            writes.add(new UpdateOneModel<>(stillAbsent, update, UPSERT));
        }
        upsertUnlessGuarded(writes);
    }

    @Override
    public void recordFeedback(List<FeedbackFact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        List<UpdateOneModel<Document>> inserts = new ArrayList<>(facts.size());
        for (FeedbackFact fact : facts) {
            inserts.add(new UpdateOneModel<>(new Document(FactDocuments.ID, fact.event().eventId().toString()),
                    new Document("$setOnInsert", FactDocuments.feedback(fact)), UPSERT));
        }
        insertAllIfAbsent(inserts);
    }

    @Override
    public void claim(Map<SessionRef, Set<UUID>> feedbackBySession) {
        List<UpdateOneModel<Document>> writes = new ArrayList<>(feedbackBySession.size());
        feedbackBySession.forEach((session, ids) -> {
            Document notVoided = new Document(FactDocuments.ID, session.id()).append(FactDocuments.VOIDED, null);
            List<String> eventIds = ids.stream().map(UUID::toString).toList();
            Document update = created(session).append("$addToSet",
                    new Document(FactDocuments.FEEDBACK_IDS, new Document("$each", eventIds)));
            writes.add(new UpdateOneModel<>(notVoided, update, UPSERT));
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
        for (Document document : feedbackFacts.find(byIds(ids))) {
            FeedbackFact fact = FactDocuments.toFeedbackFact(document);
            found.put(fact.event().eventId(), fact);
        }
        return found;
    }

    private static Document byIds(List<String> ids) {
        return new Document(FactDocuments.ID, new Document("$in", ids));
    }

    private static Document created(SessionRef session) {
        return new Document("$setOnInsert", new Document(FactDocuments.AGENCY, session.agencyId())
                .append(FactDocuments.SESSION, session.sessionId()));
    }

    /**
     * Upserts on a session record whose filter adds a guard ({@code voided} or {@code logged} still
     * absent). Where the record exists and the guard does not hold, the upsert tries to insert a second
     * record with the same id and fails with E11000: that is the answer "already set", and nothing must be
     * written. The first E11000 may also be two writers creating the same record at once, so those writes
     * are repeated once; then the record certainly exists, and an E11000 can only mean the guard.
     */
    private void upsertUnlessGuarded(List<UpdateOneModel<Document>> writes) {
        List<UpdateOneModel<Document>> pending = writes;
        for (int attempt = 1; attempt <= 2 && !pending.isEmpty(); attempt++) {
            try {
                sessionFacts.bulkWrite(pending, UNORDERED);
                return;
            } catch (MongoBulkWriteException e) {
                List<UpdateOneModel<Document>> refused = new ArrayList<>();
                for (BulkWriteError error : duplicatesOnly(e)) {
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
    private void insertAllIfAbsent(List<UpdateOneModel<Document>> upserts) {
        for (int attempt = 1; ; attempt++) {
            try {
                feedbackFacts.bulkWrite(upserts, UNORDERED);
                return;
            } catch (MongoBulkWriteException e) {
                duplicatesOnly(e);
                if (attempt >= UPSERT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
