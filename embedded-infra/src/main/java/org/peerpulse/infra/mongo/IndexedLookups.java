package org.peerpulse.infra.mongo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's backends with one change to how a query finds its documents: a unique index also
 * serves a filter that names its fields with plain values <em>and more</em>, the way MongoDB uses
 * {@code _id} for {@code {_id: x, agencyId: a, voided: null}}. The library takes an index only when the
 * filter names exactly the index's fields and otherwise reads the whole collection, so every
 * agency-scoped lookup by id, every guarded upsert and every outbox update scanned its collection, and the
 * stand-in's cost grew with the data instead of with the work asked (a profile of the benchmark's pipeline
 * spent most of the store's time in those scans). The index narrows the candidates to at most one
 * document per value; the library's own matcher then applies the whole filter to them, so answers are the
 * same as before. Non-unique indexes, which the library accepts but does not keep, are kept in memory by
 * {@link SecondaryIndex}.
 */
final class IndexedLookups {

    private IndexedLookups() {
    }

    static MemoryBackend memoryBackend() {
        return new MemoryBackend() {
            @Override
            public MemoryDatabase openOrCreateDatabase(String databaseName) {
                return new MemoryDatabase(databaseName, getCursorRegistry()) {
                    @Override
                    protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                        return new NarrowedMemoryCollection(this, collectionName, options, cursorRegistry);
                    }

                    @Override
                    protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName,
                            List<IndexKey> keys, boolean sparse) {
                        return new SecondaryIndex<>(indexName, keys, sparse);
                    }
                };
            }
        };
    }

    /** The library's H2 backend on {@code file}, with the collections laid out in the file as it lays them out. */
    static H2Backend h2Backend(String file) {
        return new H2Backend(file) {
            @Override
            protected MongoDatabase openOrCreateDatabase(String databaseName) {
                MVStore mvStore = getMvStore();
                return new H2Database(databaseName, mvStore, getCursorRegistry()) {
                    @Override
                    protected H2Collection openOrCreateCollection(String collectionName, CollectionOptions options) {
                        // The map names H2Database itself uses, so files written before stay readable.
                        String namespace = getFullCollectionNamespace(collectionName);
                        MVMap<Object, Document> data = mvStore.openMap("databases." + namespace);
                        MVMap<String, Object> meta = mvStore.openMap("meta." + namespace);
                        return new NarrowedH2Collection(this, collectionName, options, data, meta, cursorRegistry);
                    }

                    @Override
                    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                            List<IndexKey> keys, boolean sparse) {
                        return new SecondaryIndex<>(indexName, keys, sparse);
                    }
                };
            }
        };
    }

    /**
     * The positions of the documents {@code query} can match, from the narrowest index that serves it: a
     * unique index whose fields the filter names exactly (what the library itself would take), then one
     * whose fields it names with more, then the secondary index with the longest run of matched fields;
     * empty when none serves it and the collection must be read whole.
     */
    static <P> Optional<Iterable<P>> narrowed(List<Index<P>> indexes, Document query) {
        for (Index<P> index : indexes) {
            if (index instanceof AbstractUniqueIndex && index.canHandle(query)) {
                return Optional.of(index.getPositions(query));
            }
        }
        for (Index<P> index : indexes) {
            if (!(index instanceof AbstractUniqueIndex)) {
                continue;
            }
            List<String> keys = index.getKeys().stream().map(IndexKey::getKey).toList();
            if (!query.keySet().containsAll(keys)) {
                continue;
            }
            Document part = new Document();
            keys.forEach(key -> part.put(key, query.get(key)));
            // The index decides what it can serve: plain values, $in on a single field; not other operators,
            // and not a sparse index asked for nulls only.
            if (index.canHandle(part)) {
                return Optional.of(index.getPositions(part));
            }
        }
        SecondaryIndex<P> best = null;
        int bestSelectivity = 0;
        for (Index<P> index : indexes) {
            if (index instanceof SecondaryIndex<P> secondary) {
                int selectivity = secondary.selectivity(query);
                if (selectivity > bestSelectivity) {
                    best = secondary;
                    bestSelectivity = selectivity;
                }
            }
        }
        return best == null ? Optional.empty() : Optional.of(best.getPositions(query));
    }

    /**
     * What both backends' collections do differently from the library, kept once: they differ only in their base
     * class. A collection calls it under its own lock (every collection operation is synchronized).
     *
     * <p>A find answers copies of its documents, made under the lock. The library hands out the stored documents
     * themselves and encodes them after the lock is released, so a write to the same document from another
     * connection meanwhile showed a reader half an update, or failed the reply with a
     * ConcurrentModificationException (seen under the benchmark's two consumers); MongoDB reads each document
     * whole. Not while the library's own find-and-modify or delete runs: they change what their find returns.
     */
    private static final class Reads<P> {

        private boolean changing;

        QueryResult find(Supplier<QueryResult> find) {
            QueryResult found = find.get();
            if (changing) {
                return found;
            }
            List<Document> copies = new ArrayList<>();
            found.forEach(document -> copies.add(document.cloneDeeply()));
            return new QueryResult(copies, found.getCursorId());
        }

        <T> T whileChanging(Supplier<T> change) {
            changing = true;
            try {
                return change.get();
            } finally {
                changing = false;
            }
        }

        QueryResult query(List<Index<P>> indexes, Document query, Function<Iterable<P>, QueryResult> atPositions,
                Supplier<QueryResult> wholeCollection) {
            return narrowed(indexes, query).map(atPositions).orElseGet(wholeCollection);
        }
    }

    private static final class NarrowedMemoryCollection extends MemoryCollection {

        private final Reads<Integer> reads = new Reads<>();

        NarrowedMemoryCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                CursorRegistry cursorRegistry) {
            super(database, collectionName, options, cursorRegistry);
        }

        @Override
        public synchronized QueryResult handleQuery(QueryParameters query) {
            return reads.find(() -> super.handleQuery(query));
        }

        @Override
        public synchronized Document findAndModify(Document query) {
            return reads.whileChanging(() -> super.findAndModify(query));
        }

        @Override
        public synchronized int deleteDocuments(Document selector, int limit, Oplog oplog) {
            return reads.whileChanging(() -> super.deleteDocuments(selector, limit, oplog));
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                Document fields) {
            return reads.query(getIndexes(), query,
                    positions -> matchDocuments(query, positions, orderBy, skip, limit, batchSize, fields),
                    () -> matchDocuments(query, orderBy, skip, limit, batchSize, fields));
        }
    }

    private static final class NarrowedH2Collection extends H2Collection {

        private final Reads<Object> reads = new Reads<>();

        NarrowedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
            super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        }

        @Override
        public synchronized QueryResult handleQuery(QueryParameters query) {
            return reads.find(() -> super.handleQuery(query));
        }

        @Override
        public synchronized Document findAndModify(Document query) {
            return reads.whileChanging(() -> super.findAndModify(query));
        }

        @Override
        public synchronized int deleteDocuments(Document selector, int limit, Oplog oplog) {
            return reads.whileChanging(() -> super.deleteDocuments(selector, limit, oplog));
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                Document fields) {
            return reads.query(getIndexes(), query,
                    positions -> matchDocuments(query, positions, orderBy, skip, limit, batchSize, fields),
                    () -> matchDocuments(query, orderBy, skip, limit, batchSize, fields));
        }
    }
}
