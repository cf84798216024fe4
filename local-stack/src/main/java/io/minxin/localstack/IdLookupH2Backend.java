package io.minxin.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, with one thing MongoDB's query planner does and mongo-java-server's does not: a
 * query that pins {@code _id} to a string reads that one document, whatever else the query says. mongo-java-server
 * serves a query from its {@code _id} index only when {@code _id} is the query's only field, so a conditional
 * write such as {@code {$and: [{_id: k}, {kafkaOffset: {$lt: n}}]}} (how projections keep the newest version)
 * matched every document of the collection: quadratic under load, most of a core in the load test. The document
 * found is still matched against the whole query, so the answer is the same as the scan's.
 *
 * <p>Collections live in the same MVStore maps as with {@link H2Backend}, so existing data files open as before.
 */
final class IdLookupH2Backend extends H2Backend {
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
    IdLookupH2Backend(String fileName) {
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
}
