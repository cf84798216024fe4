package io.minxin.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend as the local stack needs it under load, where the embedded server shares two cores
 * with the broker and every service (a JFR profile of LoadIT put most of the test JVM's CPU here):
 *
 * <ul>
 *   <li>A query that pins {@code _id} to a string reads that one document, whatever else the query says, as
 *       MongoDB's planner does. mongo-java-server serves a query from its {@code _id} index only when {@code _id}
 *       is the query's only field, so a conditional write such as {@code {$and: [{_id: k}, {kafkaOffset: {$lt:
 *       n}}]}} (how projections keep the newest version) matched every document of the collection: quadratic. The
 *       document found is still matched against the whole query, so the answer is the scan's.
 *   <li>Unique indexes ({@code _id} and declared ones) are hash maps in memory, rebuilt from the documents when a
 *       collection opens. H2's own index map has keys that are not {@link Comparable}, so each comparison of its
 *       binary search wrote both keys with Java serialisation.
 *   <li>A larger page cache and less eager compaction (see the constructor).
 * </ul>
 *
 * <p>Documents live in the same MVStore maps as with {@link H2Backend}, so existing data files open as before.
 */
final class LocalMongoBackend extends H2Backend {
    private static final String ID = "_id";
    private static final String AND = "$and";
    private static final int CACHE_MB = 256;
    private static final int COMPACT_BELOW_FILL_PERCENT = 50;

    /**
     * The store as {@code MVStore.open(fileName)} opens it, but with a page cache of {@value #CACHE_MB} MiB instead
     * of 16: under load the projections' working set is larger than 16 MiB, and every miss deserialises a whole
     * page. Background compaction only rewrites chunks less than half full (H2's default: 90%), so a stream of
     * replaced documents is not serialised again and again to keep the file small.
     */
    LocalMongoBackend(String fileName) {
        super(new MVStore.Builder()
                .fileName(fileName)
                .cacheSize(CACHE_MB)
                .autoCompactFillRate(COMPACT_BELOW_FILL_PERCENT)
                .open());
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /** An inner class: the constructor of H2Database opens collections before a field of this class could be set. */
    private final class Database extends H2Database {
        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            // the map names of H2Database.openOrCreateCollection
            String namespace = getFullCollectionNamespace(collectionName);
            MVStore store = getMvStore();
            MVMap<Object, Document> data = store.openMap("databases." + namespace);
            MVMap<String, Object> meta = store.openMap("meta." + namespace);
            return new Collection(this, collectionName, options, data, meta, cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            // an index map H2Database persisted would go stale from here on: dropped, so the plain H2 backend
            // rebuilds it too should it open this file again
            getMvStore().removeMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName);
            return new InMemoryUniqueIndex(indexName, keys, sparse);
        }
    }

    private static final class Collection extends H2Collection {
        Collection(
                MongoDatabase database,
                String collectionName,
                CollectionOptions options,
                MVMap<Object, Document> data,
                MVMap<String, Object> meta,
                CursorRegistry cursors) {
            super(database, collectionName, options, data, meta, cursors);
        }

        @Override
        protected QueryResult queryDocuments(
                Document query, Document orderBy, int skip, int limit, int batchSize, Document fieldSelector) {
            String id = pinnedId(query);
            if (id == null) {
                return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
            }
            List<Object> candidates = getDocument(id) == null ? List.of() : List.of(id);
            return matchDocuments(query, candidates, orderBy, skip, limit, batchSize, fieldSelector);
        }

        /**
         * The string {@code _id} every match must have: {@code {_id: "k", …}} or {@code {$and: [{_id: "k"}, …]}}
         * (how the driver writes {@code Filters.and}); null when the query does not pin one. Only a string: a
         * number would also equal other numeric types, which a look-up by key does not see.
         */
        private static String pinnedId(Document query) {
            if (query.get(ID) instanceof String id) {
                return id;
            }
            if (query.get(AND) instanceof List<?> clauses) {
                for (Object clause : clauses) {
                    if (clause instanceof Document document && document.get(ID) instanceof String id) {
                        return id;
                    }
                }
            }
            return null;
        }
    }

    /** A unique index as a hash map; empty when opened, so the collection fills it from its documents. */
    private static final class InMemoryUniqueIndex extends AbstractUniqueIndex<Object> {
        private final Map<KeyValue, Object> positions = new ConcurrentHashMap<>();

        InMemoryUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
        }

        @Override
        protected Object removeDocument(KeyValue key) {
            return positions.remove(key);
        }

        @Override
        protected boolean putKeyPosition(KeyValue key, Object position) {
            return positions.putIfAbsent(key, Missing.ofNullable(position)) == null;
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            return positions.entrySet();
        }

        @Override
        protected Object getPosition(KeyValue key) {
            return positions.get(key);
        }

        @Override
        public long getCount() {
            return positions.size();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }
    }
}
