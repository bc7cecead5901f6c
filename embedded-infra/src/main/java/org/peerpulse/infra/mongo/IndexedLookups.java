package org.peerpulse.infra.mongo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
            if (index instanceof SecondaryIndex<P> secondary && secondary.selectivity(query) > bestSelectivity) {
                best = secondary;
                bestSelectivity = secondary.selectivity(query);
            }
        }
        return best == null ? Optional.empty() : Optional.of(best.getPositions(query));
    }

    /**
     * Copies of the documents a find answers, made under the collection's lock. The library hands out the stored
     * documents themselves and encodes them after the lock is released, so a write to the same document from
     * another connection meanwhile showed a reader half an update, or failed the reply with a
     * ConcurrentModificationException (seen under the benchmark's two consumers); MongoDB reads each document
     * whole. Not for the library's own find-and-modify and delete, which change the documents their find returns.
     */
    private static QueryResult detached(QueryResult result) {
        List<Document> copies = new ArrayList<>();
        result.forEach(document -> copies.add(document.cloneDeeply()));
        return new QueryResult(copies, result.getCursorId());
    }

    private static final class NarrowedMemoryCollection extends MemoryCollection {

        NarrowedMemoryCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                CursorRegistry cursorRegistry) {
            super(database, collectionName, options, cursorRegistry);
        }

        /** Set while the library's own find-and-modify or delete runs: it changes what its find returns. */
        private boolean changing;

        @Override
        public synchronized QueryResult handleQuery(QueryParameters query) {
            QueryResult found = super.handleQuery(query);
            return changing ? found : detached(found);
        }

        @Override
        public synchronized Document findAndModify(Document query) {
            changing = true;
            try {
                return super.findAndModify(query);
            } finally {
                changing = false;
            }
        }

        @Override
        public synchronized int deleteDocuments(Document selector, int limit, Oplog oplog) {
            changing = true;
            try {
                return super.deleteDocuments(selector, limit, oplog);
            } finally {
                changing = false;
            }
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                int batchSize, Document fieldSelector) {
            return narrowed(getIndexes(), query)
                    .map(positions -> matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize,
                            fieldSelector))
                    .orElseGet(() -> matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector));
        }
    }

    private static final class NarrowedH2Collection extends H2Collection {

        NarrowedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
            super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        }

        /** Set while the library's own find-and-modify or delete runs: it changes what its find returns. */
        private boolean changing;

        @Override
        public synchronized QueryResult handleQuery(QueryParameters query) {
            QueryResult found = super.handleQuery(query);
            return changing ? found : detached(found);
        }

        @Override
        public synchronized Document findAndModify(Document query) {
            changing = true;
            try {
                return super.findAndModify(query);
            } finally {
                changing = false;
            }
        }

        @Override
        public synchronized int deleteDocuments(Document selector, int limit, Oplog oplog) {
            changing = true;
            try {
                return super.deleteDocuments(selector, limit, oplog);
            } finally {
                changing = false;
            }
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                int batchSize, Document fieldSelector) {
            return narrowed(getIndexes(), query)
                    .map(positions -> matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize,
                            fieldSelector))
                    .orElseGet(() -> matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector));
        }
    }
}
