package org.peerpulse.indicators.alerts.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.peerpulse.indicators.alerts.domain.Alert;
import org.peerpulse.indicators.alerts.domain.AlertDeliveries;
import org.peerpulse.indicators.alerts.domain.Delivery;
import org.peerpulse.indicators.alerts.domain.DeliveryState;
import org.peerpulse.platform.tenancy.AcrossAgencies;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The pending webhook notifications in the alerts' own documents ({@code delivery} of {@link MongoAlerts}).
 * A claim is one {@code findAndModify} on a pending, due alert whose lease is missing or ran out, setting
 * {@code delivery.leaseUntil} and {@code delivery.leaseOwner}; the outcome is one update filtered on that
 * owner, which replaces the delivery (and with it the lease). Both are single-document writes, so two
 * dispatchers never hold the same notification, and a dispatcher that died holding one only delays it by the
 * lease. The claim reads across agencies: the dispatcher serves every agency, and hands each alert to the
 * use case, which sends it to that alert's own agency's webhook.
 */
@AcrossAgencies("the webhook dispatcher drains every agency's pending notifications; each goes to its own agency")
public final class MongoAlertDeliveries implements AlertDeliveries {

    private static final String STATE = MongoAlerts.DELIVERY + "." + MongoAlerts.DELIVERY_STATE;
    private static final String NEXT = MongoAlerts.DELIVERY + "." + MongoAlerts.NEXT_ATTEMPT_AT;
    private static final String LEASE_UNTIL = MongoAlerts.DELIVERY + "." + MongoAlerts.LEASE_UNTIL;
    private static final String LEASE_OWNER = MongoAlerts.DELIVERY + "." + MongoAlerts.LEASE_OWNER;

    private final MongoOperations mongo;

    public MongoAlertDeliveries(TenantCollections tenants) {
        this.mongo = tenants.acrossAgencies("claim and record every agency's pending alert notifications");
    }

    /** Pending notifications are few among all alerts; the poll finds them without a scan. */
    public void createIndex() {
        mongo.indexOps(MongoAlerts.COLLECTION).createIndex(new Index(STATE, Sort.Direction.ASC)
                .on(NEXT, Sort.Direction.ASC).named("delivery_due"));
    }

    @Override
    public List<Alert> claimDue(Instant now, Duration lease, String claimant, int max) {
        Date at = Date.from(now);
        Query due = Query.query(Criteria.where(STATE).is(DeliveryState.PENDING.name()).and(NEXT).lte(at)
                .orOperator(Criteria.where(LEASE_UNTIL).exists(false), Criteria.where(LEASE_UNTIL).lte(at)))
                .with(Sort.by(NEXT));
        Update claim = new Update().set(LEASE_UNTIL, Date.from(now.plus(lease))).set(LEASE_OWNER, claimant);
        List<Alert> claimed = new ArrayList<>();
        while (claimed.size() < max) {
            Document document = mongo.findAndModify(due, claim, FindAndModifyOptions.options().returnNew(true),
                    Document.class, MongoAlerts.COLLECTION);
            if (document == null) {
                break;
            }
            claimed.add(MongoAlerts.toAlert(document));
        }
        return claimed;
    }

    @Override
    public boolean record(Alert alert, Delivery next, String claimant) {
        Query held = Query.query(Criteria.where(MongoAlerts.ID).is(alert.id().toString())
                .and(MongoAlerts.AGENCY).is(alert.agencyId()).and(LEASE_OWNER).is(claimant));
        Update update = new Update().set(MongoAlerts.DELIVERY, MongoAlerts.delivery(next));
        return mongo.updateFirst(held, update, MongoAlerts.COLLECTION).getModifiedCount() == 1;
    }
}
