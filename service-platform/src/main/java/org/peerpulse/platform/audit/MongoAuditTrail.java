package org.peerpulse.platform.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The {@code audit} collection of the service's own database, insert-only: records are appended and read by
 * agency, newest first, and never updated or deleted by the services. The Mongo shape lives here only.
 */
public class MongoAuditTrail {

    static final String COLLECTION = "audit";
    static final String AT = "at";
    static final String AGENCY = "agencyId";
    static final String ACTION = "action";

    private final TenantCollections tenants;

    public MongoAuditTrail(TenantCollections tenants) {
        this.tenants = tenants;
    }

    /** A lead reads by agency, newest first. */
    public void createIndexes() {
        tenants.ensureIndex(COLLECTION, new Index(AGENCY, Sort.Direction.ASC).on(AT, Sort.Direction.DESC)
                .named("agency_at"));
    }

    public void append(AuditRecord record) {
        Document document = new Document(AT, Date.from(record.at()))
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
        if (record.agencyId() != null) {
            tenants.forAgency(record.agencyId()).insert(document, COLLECTION);
        } else {
            tenants.acrossAgencies("a refused caller with no verified agency is recorded under none")
                    .insert(document, COLLECTION);
        }
    }

    /**
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
