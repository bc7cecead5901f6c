package org.peerpulse.indicators.alerts.persistence;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;
import org.peerpulse.indicators.alerts.domain.AlertKind;
import org.peerpulse.indicators.alerts.domain.AlertState;
import org.peerpulse.platform.tenancy.AcrossAgencies;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * How many harm alerts of every agency are open and not yet acknowledged, and since when the oldest: the
 * one thing ops must be paged about when nobody answers a participant who reported harm. It hands back a
 * count and a time only, never an alert, agency or session.
 */
@AcrossAgencies("ops gauge of open harm alerts over every agency; returns a count and the oldest time only")
public final class HarmAlertBacklog {

    private final MongoOperations mongo;

    public HarmAlertBacklog(TenantCollections tenants) {
        this.mongo = tenants.acrossAgencies("gauge open harm alerts of every agency");
    }

    /** Open alerts are few, but the gauge reads them often: an index keeps it to the open ones. */
    public void createIndex() {
        mongo.indexOps(MongoAlerts.COLLECTION).createIndex(new Index(MongoAlerts.STATE, Sort.Direction.ASC)
                .on(MongoAlerts.KIND, Sort.Direction.ASC).on(MongoAlerts.OPENED_AT, Sort.Direction.ASC)
                .named("state_kind_opened"));
    }

    /** Open, unacknowledged harm alerts now. */
    public Unacknowledged unacknowledged() {
        Query open = Query.query(Criteria.where(MongoAlerts.STATE).is(AlertState.OPEN.name())
                .and(MongoAlerts.KIND).is(AlertKind.HARM_REPORT.name()));
        long count = mongo.count(open, MongoAlerts.COLLECTION);
        if (count == 0) {
            return new Unacknowledged(0, Optional.empty());
        }
        Query oldest = Query.of(open).with(Sort.by(MongoAlerts.OPENED_AT)).limit(1);
        oldest.fields().include(MongoAlerts.OPENED_AT);
        Document first = mongo.findOne(oldest, Document.class, MongoAlerts.COLLECTION);
        return new Unacknowledged(count, Optional.ofNullable(first).map(document ->
                document.get(MongoAlerts.OPENED_AT, Date.class).toInstant()));
    }

    /** @param oldestOpenedAt when the longest-waiting of them was opened; empty when there are none */
    public record Unacknowledged(long count, Optional<Instant> oldestOpenedAt) {
    }
}
