package org.peerpulse.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peerpulse.infra.mongo.DocumentStore;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** The scope against the embedded store: another agency's documents are invisible and unwritable through it. */
class AgencyScopedMongoTest {

    @org.springframework.data.mongodb.core.mapping.Document("notes")
    record Note(@Id String id, String agencyId, String topic, int score) {
    }

    record TopicCount(@Id String id, long count) {
    }

    private final DocumentStore store = DocumentStore.inMemory(0);
    private final MongoClient client = MongoClients.create(store.connectionString());
    private final MongoTemplate mongo = new MongoTemplate(client, "tenancy-test");
    private final TenantCollections tenants = new TenantCollections(mongo);
    private final AgencyScopedMongo harbor = tenants.forAgency("harbor");
    private final AgencyScopedMongo sunrise = tenants.forAgency("sunrise");

    @AfterEach
    void close() {
        client.close();
        store.close();
    }

    @Test
    void aQueryNeverSeesAnotherAgencysDocuments() {
        harbor.insert(new Note("n-1", "harbor", "hope", 4));
        sunrise.insert(new Note("n-2", "sunrise", "hope", 2));

        Query byId = Query.query(Criteria.where("_id").is("n-2"));
        assertThat(harbor.findOne(byId, Note.class)).isEmpty();
        assertThat(sunrise.findOne(byId, Note.class)).isPresent();
        assertThat(harbor.find(Query.query(Criteria.where("topic").is("hope")).with(Sort.by("_id")), Note.class))
                .extracting(Note::id).containsExactly("n-1");
        assertThat(harbor.count(new Query(), Note.class)).isEqualTo(1);
        assertThat(harbor.exists(byId, Note.class)).isFalse();
    }

    @Test
    void aQueryNamingAnotherAgencyIsRefusedAndTheSameAgencyIsAccepted() {
        harbor.insert(new Note("n-1", "harbor", "hope", 4));

        assertThatThrownBy(() -> harbor.find(Query.query(Criteria.where("agencyId").is("sunrise")), Note.class))
                .isInstanceOf(ForeignAgencyException.class);
        assertThat(harbor.find(Query.query(Criteria.where("agencyId").is("harbor")), Note.class)).hasSize(1);
    }

    @Test
    void updatesAndRemovalsCannotReachAnotherAgency() {
        harbor.insert(new Note("n-1", "harbor", "hope", 4));
        Query byId = Query.query(Criteria.where("_id").is("n-1"));

        assertThat(sunrise.updateFirst(byId, new Update().set("score", 1), Note.class).getMatchedCount()).isZero();
        assertThat(sunrise.findAndModify(byId, new Update().set("score", 1), FindAndModifyOptions.options(),
                Note.class)).isEmpty();
        assertThat(sunrise.remove(byId, Note.class).getDeletedCount()).isZero();
        assertThat(harbor.findOne(byId, Note.class)).get().extracting(Note::score).isEqualTo(4);
    }

    @Test
    void anUpsertCreatesOnlyTheScopesAgencysDocumentAndCannotRenameIt() {
        Query byId = Query.query(Criteria.where("_id").is("n-3"));
        harbor.upsert(byId, new Update().set("topic", "kindness").inc("score", 1), Note.class);

        assertThat(mongo.findById("n-3", Document.class, "notes")).containsEntry("agencyId", "harbor");
        assertThatThrownBy(() -> harbor.upsert(byId, new Update().set("agencyId", "sunrise"), Note.class))
                .isInstanceOf(ForeignAgencyException.class);
        assertThatThrownBy(() -> harbor.updateMulti(new Query(), new Update().setOnInsert("agencyId", "sunrise"),
                Note.class)).isInstanceOf(ForeignAgencyException.class);
    }

    @Test
    void anInsertOfAnotherAgencysDocumentIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> harbor.insert(new Note("n-9", "sunrise", "hope", 5)))
                .isInstanceOf(ForeignAgencyException.class);
        assertThatThrownBy(() -> harbor.insert(new Note("n-8", null, "hope", 5)))
                .isInstanceOf(ForeignAgencyException.class);
        assertThatThrownBy(() -> harbor.insert(new Document("_id", "n-7").append("agencyId", "sunrise"), "notes"))
                .isInstanceOf(ForeignAgencyException.class);
        assertThat(mongo.count(new Query(), "notes")).isZero();
    }

    @Test
    void anAggregationStartsWithTheAgency() {
        harbor.insert(new Note("n-1", "harbor", "hope", 4));
        harbor.insert(new Note("n-2", "harbor", "hope", 5));
        sunrise.insert(new Note("n-3", "sunrise", "hope", 1));

        assertThat(harbor.aggregate(Note.class, TopicCount.class, Aggregation.group("topic").count().as("count")))
                .containsExactly(new TopicCount("hope", 2));
    }

    @Test
    void anIndexMustBeLedByTheAgency() {
        assertThatThrownBy(() -> tenants.ensureIndex(Note.class, new Index().on("topic", Sort.Direction.ASC)))
                .isInstanceOf(ForeignAgencyException.class);
        assertThatThrownBy(() -> tenants.ensureIndex(Note.class,
                new Index().on("topic", Sort.Direction.ASC).on("agencyId", Sort.Direction.ASC)))
                .isInstanceOf(ForeignAgencyException.class);

        tenants.ensureIndex(Note.class, new Index().on("agencyId", Sort.Direction.ASC).on("topic", Sort.Direction.ASC));
        assertThat(mongo.indexOps(Note.class).getIndexInfo()).anySatisfy(info ->
                assertThat(info.getIndexFields().get(0).getKey()).isEqualTo("agencyId"));
    }

    @Test
    void theUnscopedDoorNeedsAReasonAndAScopeNeedsAnAgency() {
        assertThatThrownBy(() -> tenants.acrossAgencies(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tenants.forAgency(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(tenants.acrossAgencies("test: reads every agency")).isSameAs(mongo);
    }
}
