package org.peerpulse.platform.tenancy;

import static org.peerpulse.platform.tenancy.TenantCollections.AGENCY_FIELD;

import com.mongodb.client.result.DeleteResult;
import com.mongodb.client.result.UpdateResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.UpdateDefinition;

/**
 * One agency's view of the store. Every filter gets the agency as its first key (so an index led by the
 * agency matches the filter's keys exactly, which the embedded store needs to use it), every aggregation
 * starts with a {@code $match} on it, and a document or update that names another agency is refused with
 * {@link ForeignAgencyException}. Indexes are the collection's, so {@link TenantCollections} creates them.
 */
public final class AgencyScopedMongo {

    private final MongoOperations mongo;
    private final String agencyId;

    AgencyScopedMongo(MongoOperations mongo, String agencyId) {
        this.mongo = mongo;
        this.agencyId = agencyId;
    }

    public String agencyId() {
        return agencyId;
    }

    public <T> List<T> find(Query query, Class<T> type) {
        return mongo.find(scoped(query), type);
    }

    /** For reads into a plain shape (for example a projection into {@link Document}). */
    public <T> List<T> find(Query query, Class<T> type, String collection) {
        return mongo.find(scoped(query), type, collection);
    }

    public <T> Optional<T> findOne(Query query, Class<T> type) {
        return Optional.ofNullable(mongo.findOne(scoped(query), type));
    }

    public <T> Optional<T> findOne(Query query, Class<T> type, String collection) {
        return Optional.ofNullable(mongo.findOne(scoped(query), type, collection));
    }

    public boolean exists(Query query, Class<?> type) {
        return mongo.exists(scoped(query), type);
    }

    public long count(Query query, Class<?> type) {
        return mongo.count(scoped(query), type);
    }

    public UpdateResult updateFirst(Query query, UpdateDefinition update, Class<?> type) {
        return mongo.updateFirst(scoped(query), checked(update), type);
    }

    public UpdateResult updateMulti(Query query, UpdateDefinition update, Class<?> type) {
        return mongo.updateMulti(scoped(query), checked(update), type);
    }

    /** An inserted document gets the agency from the scoped filter, so it can only ever be this agency's. */
    public UpdateResult upsert(Query query, UpdateDefinition update, Class<?> type) {
        return mongo.upsert(scoped(query), checked(update), type);
    }

    public <T> Optional<T> findAndModify(Query query, UpdateDefinition update, FindAndModifyOptions options,
            Class<T> type) {
        return Optional.ofNullable(mongo.findAndModify(scoped(query), checked(update), options, type));
    }

    public <T> Optional<T> findAndModify(Query query, UpdateDefinition update, FindAndModifyOptions options,
            Class<T> type, String collection) {
        return Optional.ofNullable(mongo.findAndModify(scoped(query), checked(update), options, type, collection));
    }

    public DeleteResult remove(Query query, Class<?> type) {
        return mongo.remove(scoped(query), type);
    }

    public <T> T insert(T document) {
        requireOwn(document);
        return mongo.insert(document);
    }

    public <T> T insert(T document, String collection) {
        requireOwn(document);
        return mongo.insert(document, collection);
    }

    private void requireOwn(Object document) {
        Document written = new Document();
        mongo.getConverter().write(document, written);
        if (!agencyId.equals(written.get(AGENCY_FIELD))) {
            throw new ForeignAgencyException("a document stored through an agency's scope must belong to it");
        }
    }

    /** Runs {@code stages} after a first {@code $match} on this agency. */
    public <O> List<O> aggregate(Class<?> inputType, Class<O> outputType, AggregationOperation... stages) {
        List<AggregationOperation> pipeline = new ArrayList<>(stages.length + 1);
        pipeline.add(Aggregation.match(Criteria.where(AGENCY_FIELD).is(agencyId)));
        pipeline.addAll(List.of(stages));
        return mongo.aggregate(Aggregation.newAggregation(pipeline), inputType, outputType).getMappedResults();
    }

    private Query scoped(Query query) {
        Document given = query.getQueryObject();
        Object named = given.get(AGENCY_FIELD);
        if (named != null && !agencyId.equals(named)) {
            throw new ForeignAgencyException("a query through an agency's scope named another agency");
        }
        Document filter = new Document(AGENCY_FIELD, agencyId);
        for (Map.Entry<String, Object> entry : given.entrySet()) {
            if (!AGENCY_FIELD.equals(entry.getKey())) {
                filter.append(entry.getKey(), entry.getValue());
            }
        }
        BasicQuery scoped = new BasicQuery(filter, query.getFieldsObject());
        scoped.setSortObject(query.getSortObject());
        scoped.skip(query.getSkip());
        if (query.isLimited()) {
            scoped.limit(query.getLimit());
        }
        return scoped;
    }

    private UpdateDefinition checked(UpdateDefinition update) {
        Document operations = update.getUpdateObject();
        for (Object operation : operations.values()) {
            if (operation instanceof Document fields && fields.containsKey(AGENCY_FIELD)
                    && !Objects.equals(agencyId, fields.get(AGENCY_FIELD))) {
                throw new ForeignAgencyException("an update through an agency's scope named another agency");
            }
        }
        return update;
    }
}
