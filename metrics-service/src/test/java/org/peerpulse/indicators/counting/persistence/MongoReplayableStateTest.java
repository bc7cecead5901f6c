package org.peerpulse.indicators.counting.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.peerpulse.testsupport.TestBackends;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A rebuild's erase on the embedded MongoDB stand-in: rollups and copy windows go, alerts and indexes stay. */
class MongoReplayableStateTest {

    @Test
    void aRebuildErasesRollupsAndCopyWindowsButKeepsTheAlertsAndTheIndexes() {
        try (MongoClient client = MongoClients.create(TestBackends.mongoUri("replayable"))) {
            MongoTemplate mongo = new MongoTemplate(client, "replayable-" + System.nanoTime());
            new MongoRollups(new TenantCollections(mongo)).createIndexes();
            mongo.insert(new Document("_id", UUID.randomUUID().toString()), "alerts");
            mongo.insert(new Document("_id", "peerpulse%2Esessions%2Ev1~0~0"), MongoCopyWindows.COLLECTION);
            mongo.insert(new Document("_id", "harbor|warmline|sp-rivera|2026-11-20"), RollupDocument.COLLECTION);
            int rollupIndexes = mongo.indexOps(RollupDocument.COLLECTION).getIndexInfo().size();

            new MongoReplayableState(new TenantCollections(mongo)).eraseAll();

            assertThat(mongo.getCollection(MongoCopyWindows.COLLECTION).countDocuments()).isZero();
            assertThat(mongo.getCollection(RollupDocument.COLLECTION).countDocuments()).isZero();
            assertThat(mongo.indexOps(RollupDocument.COLLECTION).getIndexInfo()).hasSize(rollupIndexes);
            assertThat(mongo.getCollection("alerts").countDocuments()).isEqualTo(1);
        }
    }
}
