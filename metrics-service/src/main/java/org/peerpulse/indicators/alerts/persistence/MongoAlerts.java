package org.peerpulse.indicators.alerts.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.peerpulse.indicators.alerts.domain.Alert;
import org.peerpulse.indicators.alerts.domain.AlertChange;
import org.peerpulse.indicators.alerts.domain.AlertKind;
import org.peerpulse.indicators.alerts.domain.AlertState;
import org.peerpulse.indicators.alerts.domain.Alerts;
import org.peerpulse.indicators.alerts.domain.Delivery;
import org.peerpulse.indicators.alerts.domain.DeliveryState;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The alerts in MongoDB, one document each in {@code alerts}: {@code _id} (the alert id), agency, kind,
 * program, specialist, session id and date, item, previous value, index and floor, opened time, {@code state},
 * {@code history} ({@code [{state, by, at}]}) and {@code delivery} (the webhook notification:
 * {@code {state, attempts, nextAttemptAt, lastStatus, lastAttemptAt}}, plus {@code leaseUntil} and
 * {@code leaseOwner} while a dispatcher holds it; see {@link MongoAlertDeliveries}).
 *
 * <p>Every write is one atomic single-document operation. Opening is an insert: a harm report read
 * again collides on {@code _id}; an index alert carries {@code activeKey} = kind, agency and program
 * while it is open or acknowledged, under a unique sparse index, so a second one for the same index and
 * scope collides too, even from two consumers at once; resolving removes the key. A fall alert's id is
 * derived from its scope, kind and period, so it collides on {@code _id} like a harm report. The
 * notification is part of the inserted document, so an alert is never stored without it (no dual write). A change of state is
 * one {@code findAndModify} filtered on the state it was decided from, which sets the new state and
 * pushes the history line together, so no change is lost or written twice under concurrent requests.
 */
public class MongoAlerts implements Alerts {

    static final String COLLECTION = "alerts";

    static final String ID = "_id";
    static final String AGENCY = "agencyId";
    static final String KIND = "kind";
    static final String PROGRAM = "programId";
    static final String SPECIALIST = "specialistId";
    static final String SESSION = "sessionId";
    static final String SESSION_DATE = "sessionDate";
    static final String ITEM = "item";
    static final String PREVIOUS = "previous";
    static final String INDEX = "index";
    static final String FLOOR = "floor";
    static final String OPENED_AT = "openedAt";
    static final String STATE = "state";
    static final String HISTORY = "history";
    static final String BY = "by";
    static final String AT = "at";
    static final String ACTIVE_KEY = "activeKey";
    static final String DELIVERY = "delivery";
    static final String DELIVERY_STATE = "state";
    static final String ATTEMPTS = "attempts";
    static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
    static final String LAST_STATUS = "lastStatus";
    static final String LAST_ATTEMPT_AT = "lastAttemptAt";
    static final String LEASE_UNTIL = "leaseUntil";
    static final String LEASE_OWNER = "leaseOwner";

    private final TenantCollections tenants;

    public MongoAlerts(TenantCollections tenants) {
        this.tenants = tenants;
    }

    /** The inbox reads by agency (and state), newest first; the active key guards index alerts. */
    public void createIndexes() {
        tenants.ensureIndex(COLLECTION, new Index(AGENCY, Sort.Direction.ASC).on(OPENED_AT, Sort.Direction.DESC)
                .named("agency_opened"));
        tenants.ensureIndex(COLLECTION, new Index(AGENCY, Sort.Direction.ASC).on(STATE, Sort.Direction.ASC)
                .on(OPENED_AT, Sort.Direction.DESC).named("agency_state_opened"));
        AlertGuard.create(tenants);
    }

    @Override
    public boolean open(Alert alert) {
        try {
            tenants.forAgency(alert.agencyId()).insert(toDocument(alert), COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Optional<Alert> find(String agencyId, UUID id) {
        return tenants.forAgency(agencyId).findOne(byId(id), Document.class, COLLECTION).map(MongoAlerts::toAlert);
    }

    @Override
    public Optional<Alert> change(Alert changed, AlertState expected) {
        Query query = byId(changed.id());
        query.addCriteria(Criteria.where(STATE).is(expected.name()));
        Update update = new Update().set(STATE, changed.state().name()).push(HISTORY, line(changed.lastChange()));
        if (!changed.state().isActive()) {
            update.unset(ACTIVE_KEY);
        }
        return tenants.forAgency(changed.agencyId()).findAndModify(query, update,
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION).map(MongoAlerts::toAlert);
    }

    @Override
    public List<Alert> list(String agencyId, AlertState state, int skip, int limit) {
        Criteria criteria = Criteria.where(AGENCY).is(agencyId);
        if (state != null) {
            criteria.and(STATE).is(state.name());
        }
        Query query = Query.query(criteria)
                .with(Sort.by(Sort.Order.desc(OPENED_AT), Sort.Order.desc(ID)))
                .skip(skip).limit(limit);
        return tenants.forAgency(agencyId).find(query, Document.class, COLLECTION).stream().map(MongoAlerts::toAlert)
                .toList();
    }

    private static Query byId(UUID id) {
        return Query.query(Criteria.where(ID).is(id.toString()));
    }

    static Document toDocument(Alert alert) {
        Document document = new Document(ID, alert.id().toString())
                .append(AGENCY, alert.agencyId())
                .append(KIND, alert.kind().name())
                .append(PROGRAM, alert.programId())
                .append(SPECIALIST, alert.specialistId())
                .append(SESSION, alert.sessionId())
                .append(SESSION_DATE, alert.sessionDate() == null ? null : alert.sessionDate().toString())
                .append(ITEM, alert.item())
                .append(PREVIOUS, alert.previous())
                .append(INDEX, alert.index())
                .append(FLOOR, alert.floor())
                .append(OPENED_AT, Date.from(alert.openedAt()))
                .append(STATE, alert.state().name())
                .append(HISTORY, alert.history().stream().map(MongoAlerts::line).toList())
                .append(DELIVERY, delivery(alert.delivery()));
        if (alert.kind().isIndexFloor() && alert.state().isActive()) {
            document.append(ACTIVE_KEY, activeKey(alert));
        }
        return document;
    }

    static Alert toAlert(Document document) {
        List<AlertChange> history = new ArrayList<>();
        for (Document line : document.getList(HISTORY, Document.class)) {
            history.add(new AlertChange(AlertState.valueOf(line.getString(STATE)), line.getString(BY),
                    line.getDate(AT).toInstant()));
        }
        String sessionDate = document.getString(SESSION_DATE);
        return new Alert(UUID.fromString(document.getString(ID)), AlertKind.valueOf(document.getString(KIND)),
                document.getString(AGENCY), document.getString(PROGRAM), document.getString(SPECIALIST),
                document.getString(SESSION), sessionDate == null ? null : LocalDate.parse(sessionDate),
                document.getString(ITEM), document.getDouble(PREVIOUS), document.getDouble(INDEX),
                document.getDouble(FLOOR), document.getDate(OPENED_AT).toInstant(),
                AlertState.valueOf(document.getString(STATE)), history, delivery(document.get(DELIVERY, Document.class)));
    }

    static Document delivery(Delivery delivery) {
        return new Document(DELIVERY_STATE, delivery.state().name())
                .append(ATTEMPTS, delivery.attempts())
                .append(NEXT_ATTEMPT_AT, date(delivery.nextAttemptAt()))
                .append(LAST_STATUS, delivery.lastStatus())
                .append(LAST_ATTEMPT_AT, date(delivery.lastAttemptAt()));
    }

    /** An alert stored before notifications existed has none: nothing was configured to send it. */
    private static Delivery delivery(Document document) {
        if (document == null) {
            return Delivery.notConfigured();
        }
        return new Delivery(DeliveryState.valueOf(document.getString(DELIVERY_STATE)), document.getInteger(ATTEMPTS, 0),
                instant(document.getDate(NEXT_ATTEMPT_AT)), document.getInteger(LAST_STATUS),
                instant(document.getDate(LAST_ATTEMPT_AT)));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static Document line(AlertChange change) {
        return new Document(STATE, change.state().name()).append(BY, change.by()).append(AT, Date.from(change.at()));
    }

    /** kind|agency|program (empty for the agency's own index), with {@code |} and {@code %} percent-encoded. */
    private static String activeKey(Alert alert) {
        return alert.kind().name() + '|' + encode(alert.agencyId()) + '|'
                + (alert.programId() == null ? "" : encode(alert.programId()));
    }

    private static String encode(String part) {
        return part.replace("%", "%25").replace("|", "%7C");
    }
}
