package org.peerpulse.platform.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.bulk.BulkWriteError;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.peerpulse.platform.tenancy.AcrossAgencies;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The {@code audit} collection of the service's own database, insert-only: records are appended and read by
 * agency, newest first, and never updated or deleted by the services. The Mongo shape lives here only.
 *
 * <p>Records are written many at a time, in one unordered bulk insert, whatever their agencies; each record's
 * agency is the verified caller's, set by {@link AuditTrail}, never one a request chose. Every record gets its
 * {@code _id} once, before its first try, so that a batch written again after a try whose answer was lost (a
 * timeout, a dropped connection) finds those records stored and is not doubled.
 */
@AcrossAgencies("writes a batch of many agencies' audit records in one bulk insert; each record carries the "
        + "verified caller's agency, or none for a refused caller; reads stay scoped by agency")
public class MongoAuditTrail {

    static final String COLLECTION = "audit";
    static final String AT = "at";
    static final String AGENCY = "agencyId";
    static final String ACTION = "action";

    private static final int DUPLICATE_KEY = 11000;

    private final TenantCollections tenants;

    public MongoAuditTrail(TenantCollections tenants) {
        this.tenants = tenants;
    }

    /** An audit record with the id it is stored under, chosen once for all its tries. */
    record Pending(ObjectId id, AuditRecord record) {

        Pending(AuditRecord record) {
            this(new ObjectId(), record);
        }
    }

    /** A lead reads by agency, newest first. */
    public void createIndexes() {
        tenants.ensureIndex(COLLECTION, new Index(AGENCY, Sort.Direction.ASC).on(AT, Sort.Direction.DESC)
                .named("agency_at"));
    }

    /**
     * Inserts the records in one unordered bulk write and answers those the store refused, to be tried again;
     * a record it already holds (from an earlier try) counts as written. Throws when the outcome is unknown
     * (the store unreachable, the write timed out or not acknowledged as asked): try the same records again.
     */
    List<Pending> insert(List<Pending> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        List<Document> documents = new ArrayList<>(records.size());
        for (Pending pending : records) {
            documents.add(document(pending));
        }
        try {
            tenants.acrossAgencies("one bulk insert for a batch of several agencies' audit records")
                    .bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION).insert(documents).execute();
            return List.of();
        } catch (BulkOperationException e) {
            List<Pending> refused = new ArrayList<>();
            for (BulkWriteError error : e.getErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    refused.add(records.get(error.getIndex()));
                }
            }
            return refused;
        }
    }

    private static Document document(Pending pending) {
        AuditRecord record = pending.record();
        Document document = new Document("_id", pending.id())
                .append(AT, Date.from(record.at()))
                .append("service", record.service())
                .append(AGENCY, record.agencyId())
                .append("actor", record.actor())
                .append("roles", record.roles())
                .append(ACTION, record.action())
                .append("target", new Document(new LinkedHashMap<>(record.target())))
                .append("outcome", record.outcome());
        if (record.claimedAgency() != null) {
            document.append("claimedAgency", record.claimedAgency());
        }
        return document;
    }

    /**
     * The agency's records as stored: a record reaches the store up to {@code peerpulse.audit.flush-interval}
     * after its request was answered ({@link AuditWriter}).
     *
     * @param from inclusive, or {@code null}
     * @param to exclusive, or {@code null}
     * @param action only this action, or {@code null} for all
     */
    public AuditPage find(String agencyId, Instant from, Instant to, String action, int page, int size) {
        Document filter = new Document();
        if (action != null) {
            filter.append(ACTION, action);
        }
        Document at = new Document();
        if (from != null) {
            at.append("$gte", Date.from(from));
        }
        if (to != null) {
            at.append("$lt", Date.from(to));
        }
        if (!at.isEmpty()) {
            filter.append(AT, at);
        }
        Query query = new BasicQuery(filter).with(Sort.by(Sort.Direction.DESC, AT))
                .skip((long) page * size).limit(size + 1);
        List<AuditRecord> found = new ArrayList<>();
        for (Document document : tenants.forAgency(agencyId).find(query, Document.class, COLLECTION)) {
            found.add(record(document));
        }
        boolean hasMore = found.size() > size;
        return new AuditPage(hasMore ? found.subList(0, size) : found, page, size, hasMore);
    }

    private static AuditRecord record(Document document) {
        Map<String, String> target = new LinkedHashMap<>();
        Document stored = document.get("target", Document.class);
        if (stored != null) {
            stored.forEach((name, value) -> target.put(name, String.valueOf(value)));
        }
        return new AuditRecord(document.getDate(AT).toInstant(), document.getString("service"),
                document.getString(AGENCY), document.getString("actor"), document.getList("roles", String.class),
                document.getString(ACTION), target, document.getInteger("outcome", 0),
                document.getString("claimedAgency"));
    }
}
