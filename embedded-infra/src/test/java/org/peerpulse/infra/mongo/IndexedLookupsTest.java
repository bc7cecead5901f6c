package org.peerpulse.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which documents a filter reaches through a unique index that names fewer fields than the filter, and that
 * the answers through the wire stay those of MongoDB on both backends (the H2 one also on a reopened file).
 */
class IndexedLookupsTest {

    @TempDir
    Path dir;

    @Test
    void theIdIndexServesAnIdWithMoreConditions() {
        MemoryUniqueIndex byId = index("_id_", "_id");
        byId.add(lib("_id", "s-1"), 1, null);
        byId.add(lib("_id", "s-2"), 2, null);

        assertThat(IndexedLookups.narrowed(List.of(byId), lib("_id", "s-2").append("agencyId", "harbor")
                .append("voidedAt", null))).map(IndexedLookupsTest::list).contains(List.of(2));
        assertThat(IndexedLookups.narrowed(List.of(byId), lib("agencyId", "harbor")
                .append("_id", lib("$in", List.of("s-1", "s-9")))))
                .map(IndexedLookupsTest::list).contains(List.of(1));
    }

    @Test
    void aCompoundIndexServesItsFieldsWithMoreConditions() {
        MemoryUniqueIndex retryKey = index("agency_key", "retryKey.agencyId", "retryKey.keyHash");
        retryKey.add(lib("retryKey", lib("agencyId", "harbor").append("keyHash", "k1")), 7, null);

        assertThat(IndexedLookups.narrowed(List.of(retryKey), lib("retryKey.agencyId", "harbor")
                .append("retryKey.keyHash", "k1").append("agencyId", "harbor"))).map(IndexedLookupsTest::list)
                .contains(List.of(7));
    }

    @Test
    void servesTheExactFieldsOfAnIndexAndLeavesToTheScanWhatNoIndexFits() {
        MemoryUniqueIndex byId = index("_id_", "_id");
        byId.add(lib("_id", "s-1"), 1, null);

        assertThat(IndexedLookups.narrowed(List.of(byId), lib("_id", "s-1"))).map(IndexedLookupsTest::list)
                .contains(List.of(1));
        assertThat(IndexedLookups.narrowed(List.of(byId), lib("agencyId", "harbor").append("pending", true))).isEmpty();
        assertThat(IndexedLookups.narrowed(List.of(byId), lib("_id", lib("$gt", "s-1")).append("agencyId", "harbor")))
                .isEmpty();
    }

    @Test
    void prefersAUniqueIndexToASecondaryOneAndTheLongerSecondaryMatch() {
        MemoryUniqueIndex byId = index("_id_", "_id");
        SecondaryIndex<Integer> agency = new SecondaryIndex<>("agency", List.of(new IndexKey("agencyId", true)), false);
        SecondaryIndex<Integer> agencyDay = new SecondaryIndex<>("agency_day",
                List.of(new IndexKey("agencyId", true), new IndexKey("day", true)), false);
        for (int i = 0; i < 3; i++) {
            de.bwaldvogel.mongo.bson.Document rollup = lib("_id", "r-" + i).append("agencyId", "harbor")
                    .append("day", "2026-11-2" + i);
            byId.add(rollup, i, null);
            agency.add(rollup, i, null);
            agencyDay.add(rollup, i, null);
        }
        List<Index<Integer>> indexes = List.of(agency, agencyDay, byId);

        assertThat(IndexedLookups.narrowed(indexes, lib("agencyId", "harbor").append("_id", "r-1")))
                .map(IndexedLookupsTest::list).contains(List.of(1));
        assertThat(IndexedLookups.narrowed(indexes, lib("agencyId", "harbor").append("day", lib("$gte", "2026-11-21"))))
                .map(IndexedLookupsTest::list).contains(List.of(1, 2));
    }

    @Test
    void answersAsMongoDbDoesInMemory() {
        try (DocumentStore store = DocumentStore.inMemory(0)) {
            answersAsMongoDbDoes(store);
        }
    }

    @Test
    void answersAsMongoDbDoesOnAnH2FileAndAfterReopeningIt() {
        Path file = dir.resolve("lookups.mv.db");
        try (DocumentStore store = DocumentStore.persistent(file, 0)) {
            answersAsMongoDbDoes(store);
        }
        try (DocumentStore reopened = DocumentStore.persistent(file, 0); MongoClient client = client(reopened)) {
            MongoCollection<Document> sessions = client.getDatabase("lookups").getCollection("sessions");
            assertThat(ids(sessions.find(Filters.and(Filters.eq("_id", "s-1"), Filters.eq("agencyId", "harbor")))))
                    .containsExactly("s-1");
            assertThat(ids(sessions.find(Filters.and(Filters.eq("retryKey.agencyId", "harbor"),
                    Filters.eq("retryKey.keyHash", "k2"), Filters.eq("agencyId", "harbor"))))).containsExactly("s-2");
            MongoCollection<Document> rollups = client.getDatabase("lookups").getCollection("rollups");
            assertThat(ids(rollups.find(Filters.and(Filters.eq("agencyId", "harbor"),
                    Filters.gte("day", "2026-11-21"), Filters.lte("day", "2026-11-23")))))
                    .containsExactly("harbor|21", "harbor|23", "harbor|24");
        }
    }

    private void answersAsMongoDbDoes(DocumentStore store) {
        try (MongoClient client = client(store)) {
            MongoCollection<Document> rollups = client.getDatabase("lookups").getCollection("rollups");
            rollups.createIndex(Indexes.ascending("agencyId", "day"));
            for (int day = 20; day <= 24; day++) {
                rollups.insertOne(doc("_id", "harbor|" + day).append("agencyId", "harbor").append("day", "2026-11-" + day));
                rollups.insertOne(doc("_id", "sunrise|" + day).append("agencyId", "sunrise").append("day", "2026-11-" + day));
            }
            rollups.updateOne(Filters.eq("_id", "harbor|24"), Updates.set("day", "2026-11-21"));
            rollups.deleteOne(Filters.eq("_id", "harbor|22"));
            assertThat(ids(rollups.find(Filters.and(Filters.eq("agencyId", "harbor"),
                    Filters.gte("day", "2026-11-21"), Filters.lte("day", "2026-11-23")))))
                    .containsExactly("harbor|21", "harbor|23", "harbor|24");

            MongoCollection<Document> sessions = client.getDatabase("lookups").getCollection("sessions");
            sessions.createIndex(Indexes.ascending("retryKey.agencyId", "retryKey.keyHash"),
                    new IndexOptions().unique(true).sparse(true));
            sessions.insertOne(doc("_id", "s-1").append("agencyId", "harbor").append("pending", true)
                    .append("outbox", List.of(doc("eventId", "e-1"))));
            sessions.insertOne(doc("_id", "s-2").append("agencyId", "harbor").append("voidedAt", "2026-11-20")
                    .append("retryKey", doc("agencyId", "harbor").append("keyHash", "k2")));
            sessions.insertOne(doc("_id", "s-3").append("agencyId", "sunrise"));

            Function<org.bson.conversions.Bson, List<String>> find = filter -> ids(sessions.find(filter));
            assertThat(find.apply(Filters.and(Filters.eq("_id", "s-1"), Filters.eq("agencyId", "harbor"))))
                    .containsExactly("s-1");
            assertThat(find.apply(Filters.and(Filters.eq("_id", "s-1"), Filters.eq("agencyId", "sunrise")))).isEmpty();
            assertThat(find.apply(Filters.and(Filters.eq("_id", "s-2"), Filters.eq("voidedAt", null)))).isEmpty();
            assertThat(find.apply(Filters.and(Filters.eq("_id", "s-3"), Filters.eq("voidedAt", null))))
                    .containsExactly("s-3");
            assertThat(find.apply(Filters.and(Filters.in("_id", "s-1", "s-3", "s-9"), Filters.eq("agencyId", "harbor"))))
                    .containsExactly("s-1");
            assertThat(find.apply(Filters.and(Filters.eq("retryKey.agencyId", "harbor"),
                    Filters.eq("retryKey.keyHash", "k2"), Filters.eq("agencyId", "sunrise")))).isEmpty();
            assertThat(find.apply(Filters.eq("agencyId", "harbor"))).containsExactlyInAnyOrder("s-1", "s-2");

            // The outbox's two updates: pull by id, then clear the flag only on an empty outbox.
            sessions.updateOne(Filters.eq("_id", "s-1"), Updates.pull("outbox", doc("eventId", "e-1")));
            sessions.updateOne(Filters.and(Filters.eq("_id", "s-1"), Filters.size("outbox", 0)),
                    Updates.set("pending", false));
            assertThat(sessions.find(Filters.eq("_id", "s-1")).first()).containsEntry("pending", false);

            // A guarded upsert on an existing id whose guard fails tries a second document: E11000, nothing written.
            assertThatThrownBy(() -> sessions.updateOne(Filters.and(Filters.eq("_id", "s-2"), Filters.eq("voidedAt", null)),
                    Updates.set("voidedAt", "2026-11-21"), new UpdateOptions().upsert(true)))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("E11000");
            assertThat(sessions.find(Filters.eq("_id", "s-2")).first()).containsEntry("voidedAt", "2026-11-20");
            sessions.updateOne(Filters.and(Filters.eq("_id", "s-4"), Filters.eq("voidedAt", null)),
                    Updates.set("voidedAt", "2026-11-21"), new UpdateOptions().upsert(true));
            assertThat(sessions.find(Filters.eq("_id", "s-4")).first()).containsEntry("voidedAt", "2026-11-21");

            // Find-and-modify changes the stored document: a second guarded void finds nothing.
            assertThat(sessions.findOneAndUpdate(Filters.and(Filters.eq("_id", "s-3"), Filters.eq("voidedAt", null)),
                    Updates.set("voidedAt", "2026-11-22"))).isNotNull();
            assertThat(sessions.findOneAndUpdate(Filters.and(Filters.eq("_id", "s-3"), Filters.eq("voidedAt", null)),
                    Updates.set("voidedAt", "2026-11-23"))).isNull();
            assertThat(sessions.find(Filters.eq("_id", "s-3")).first()).containsEntry("voidedAt", "2026-11-22");

            assertThat(sessions.deleteOne(Filters.and(Filters.eq("_id", "s-3"), Filters.eq("agencyId", "harbor")))
                    .getDeletedCount()).isZero();
            assertThat(sessions.deleteOne(Filters.and(Filters.eq("_id", "s-3"), Filters.eq("agencyId", "sunrise")))
                    .getDeletedCount()).isEqualTo(1);
        }
    }

    @Test
    void aReaderSeesEachDocumentWholeWhileAnotherConnectionWritesIt() throws Exception {
        try (DocumentStore store = DocumentStore.inMemory(0); MongoClient writer = client(store);
                MongoClient reader = client(store)) {
            MongoCollection<Document> written = writer.getDatabase("lookups").getCollection("pairs");
            MongoCollection<Document> read = reader.getDatabase("lookups").getCollection("pairs");
            List<Document> many = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                many.add(doc("_id", "p-" + i).append("a", 0).append("b", 0));
            }
            written.insertMany(many);
            var writes = java.util.concurrent.CompletableFuture.runAsync(() -> {
                for (int round = 0; round < 300; round++) {
                    written.updateMany(new Document(), Updates.combine(Updates.inc("a", 1), Updates.inc("b", 1)));
                }
            });
            int reads = 0;
            while (!writes.isDone() || reads == 0) {
                for (Document pair : read.find()) {
                    assertThat(pair.getInteger("a")).as("a and b of %s, written together", pair.get("_id"))
                            .isEqualTo(pair.getInteger("b"));
                }
                reads++;
            }
            writes.join();
        }
    }

    private static MemoryUniqueIndex index(String name, String... fields) {
        List<IndexKey> keys = new ArrayList<>();
        for (String field : fields) {
            keys.add(new IndexKey(field, true));
        }
        return new MemoryUniqueIndex(name, keys, false);
    }

    /** A document as the library's indexes see it. */
    private static de.bwaldvogel.mongo.bson.Document lib(String key, Object value) {
        return new de.bwaldvogel.mongo.bson.Document(key, value);
    }

    /** A document as the driver sends it. */
    private static Document doc(String key, Object value) {
        return new Document(key, value);
    }

    private static List<Integer> list(Iterable<Integer> positions) {
        List<Integer> list = new ArrayList<>();
        positions.forEach(list::add);
        return list;
    }

    private static List<String> ids(Iterable<Document> documents) {
        List<String> ids = new ArrayList<>();
        documents.forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }

    private static MongoClient client(DocumentStore store) {
        return MongoClients.create(store.connectionString());
    }
}
