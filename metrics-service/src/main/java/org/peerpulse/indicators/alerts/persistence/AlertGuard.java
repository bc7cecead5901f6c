package org.peerpulse.indicators.alerts.persistence;

import org.peerpulse.platform.tenancy.AcrossAgencies;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;

/**
 * The one alerts index not led by the agency: a unique, sparse guard on {@code activeKey}, so that at most
 * one open alert exists per index and cell. It serves no query; its key already contains the agency, and a
 * compound (agency, activeKey) index could not be sparse in effect, since the agency is never missing.
 */
@AcrossAgencies("a uniqueness guard on activeKey, whose value already names the agency; no query uses it")
final class AlertGuard {

    private AlertGuard() {
    }

    static void create(TenantCollections tenants) {
        tenants.acrossAgencies("create the active-alert uniqueness guard").indexOps(MongoAlerts.COLLECTION)
                .createIndex(new Index(MongoAlerts.ACTIVE_KEY, Sort.Direction.ASC).unique().sparse()
                        .named("active_index_alert"));
    }
}
