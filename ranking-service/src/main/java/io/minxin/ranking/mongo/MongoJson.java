package io.minxin.ranking.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import io.minxin.events.EventJson;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * Stores records as documents through the contract's JSON mapper, so a stored revision has exactly the JSON shape
 * that is published. Instants are kept as ISO-8601 strings, which sort in time order.
 */
public final class MongoJson {
    private static final JsonWriterSettings RELAXED =
            JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    public static Document toDocument(String id, Object value) {
        Document document = new Document("_id", id);
        document.putAll(Document.parse(EventJson.mapper().writeValueAsString(value)));
        return document;
    }

    public static <T> T fromDocument(Document document, Class<T> type) {
        return EventJson.mapper().readValue(document.toJson(RELAXED), type);
    }

    /** Whether an insert failed because the id exists: the deterministic ids make that the idempotent case. */
    public static boolean isDuplicateKey(Throwable error) {
        return error instanceof MongoWriteException write
                && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }

    private MongoJson() {}
}
