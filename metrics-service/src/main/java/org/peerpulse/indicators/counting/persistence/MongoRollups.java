package org.peerpulse.indicators.counting.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.peerpulse.indicators.counting.domain.Cell;
import org.peerpulse.indicators.counting.domain.CellRollup;
import org.peerpulse.indicators.counting.domain.RollupChange;
import org.peerpulse.indicators.counting.domain.RollupKey;
import org.peerpulse.indicators.counting.domain.Rollups;
import org.peerpulse.indicators.counting.domain.SourcePartition;
import org.peerpulse.indicators.counting.domain.Watermarks;
import org.peerpulse.indicators.dashboards.persistence.RollupsInMemory;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The day rollups in MongoDB; see the package description for the document shape and the watermarks.
 * Dashboard reads go through the caller's agency scope; ingest goes through {@link RollupIngest}.
 */
public class MongoRollups implements Rollups {

    private final TenantCollections tenants;
    private final RollupIngest ingest;

    public MongoRollups(TenantCollections tenants) {
        this.tenants = tenants;
        this.ingest = new RollupIngest(tenants);
    }

    /**
     * Dashboards read an agency's rollups whole, and only when its version moved ({@link RollupsInMemory});
     * ingest writes by {@code _id}. One index, on the agency, is all they need.
     */
    public void createIndexes() {
        tenants.ensureIndex(RollupDocument.COLLECTION, new Index(RollupDocument.AGENCY, Sort.Direction.ASC)
                .on(RollupDocument.DAY, Sort.Direction.ASC).named("agency_day"));
    }

    @Override
    public Map<RollupKey, Watermarks> watermarks(Collection<RollupKey> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<String, RollupKey> byId = new HashMap<>();
        keys.forEach(key -> byId.put(key.id(), key));
        Map<RollupKey, Watermarks> found = new HashMap<>();
        for (Document document : ingest.findById(byId.keySet(), RollupDocument.WATERMARKS)) {
            Map<SourcePartition, Long> offsets = new HashMap<>();
            Document marks = document.get(RollupDocument.WATERMARKS, Document.class);
            if (marks != null) {
                marks.forEach((field, offset) -> offsets.put(RollupDocument.partitionOf(field),
                        ((Number) offset).longValue()));
            }
            found.put(byId.get(document.getString(RollupDocument.ID)), new Watermarks(offsets));
        }
        return found;
    }

    @Override
    public Set<RollupKey> apply(List<RollupChange> changes) {
        if (changes.isEmpty()) {
            return Set.of();
        }
        List<RollupIngest.Upsert> upserts = new ArrayList<>(changes.size());
        for (RollupChange change : changes) {
            upserts.add(new RollupIngest.Upsert(guard(change), update(change)));
        }
        Set<RollupKey> lost = new HashSet<>();
        ingest.upsertAll(upserts).forEach(refused -> lost.add(changes.get(refused).key()));
        return lost;
    }

    /**
     * Matches the rollup only while each watermark this change moves is below the lowest offset it counts there
     * (or absent); otherwise the upsert tries to insert a second document with the same id and fails with E11000.
     */
    private static Document guard(RollupChange change) {
        Document filter = new Document(RollupDocument.ID, change.key().id());
        change.from().forEach((partition, offset) -> filter.append(watermarkPath(partition),
                new Document("$not", new Document("$gte", offset))));
        return filter;
    }

    private static Document update(RollupChange change) {
        Document marks = new Document();
        change.through().forEach((partition, offset) -> marks.append(watermarkPath(partition), offset));
        Document update = new Document("$setOnInsert", new Document(RollupDocument.AGENCY, change.key().cell().agencyId())
                .append(RollupDocument.PROGRAM, change.key().cell().programId())
                .append(RollupDocument.SPECIALIST, change.key().cell().specialistId())
                .append(RollupDocument.DAY, change.key().day().toString()))
                .append("$max", marks);
        Document increments = RollupDocument.increments(change.increment());
        if (!increments.isEmpty()) {
            update.append("$inc", increments);
        }
        return update;
    }

    private static String watermarkPath(SourcePartition partition) {
        return RollupDocument.WATERMARKS + "." + RollupDocument.watermarkField(partition);
    }

    @Override
    public void changed(Set<String> agencyIds) {
        ingest.moveVersions(agencyIds);
    }

    /** How often batches changed the agency's rollups, by {@code _id}: 0 before the first. */
    public long version(String agencyId) {
        Query byId = Query.query(Criteria.where(RollupDocument.ID).is(agencyId));
        byId.fields().include(RollupDocument.VERSION);
        return tenants.forAgency(agencyId).findOne(byId, Document.class, RollupDocument.VERSIONS)
                .map(found -> ((Number) found.get(RollupDocument.VERSION)).longValue())
                .orElse(0L);
    }

    /** Every rollup of the agency, whatever its day. */
    public List<CellRollup> findAll(String agencyId) {
        Query query = Query.query(Criteria.where(RollupDocument.AGENCY).is(agencyId));
        query.fields().exclude(RollupDocument.WATERMARKS);
        return tenants.forAgency(agencyId).find(query, Document.class, RollupDocument.COLLECTION).stream()
                .map(document -> cellRollup(agencyId, document))
                .toList();
    }




    private static CellRollup cellRollup(String agencyId, Document document) {
        return new CellRollup(new Cell(agencyId, document.getString(RollupDocument.PROGRAM),
                document.getString(RollupDocument.SPECIALIST)), LocalDate.parse(document.getString(RollupDocument.DAY)),
                RollupDocument.counts(document));
    }
}
