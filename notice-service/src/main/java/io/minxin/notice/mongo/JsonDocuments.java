package io.minxin.notice.mongo;

import io.minxin.events.EventJson;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/** Records stored as documents with the same fields as their JSON (the contract's mapper). */
public final class JsonDocuments {
    private static final JsonWriterSettings RELAXED =
            JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    public static Document toDocument(Object value) {
        return Document.parse(EventJson.mapper().writeValueAsString(value));
    }

    public static <T> T fromDocument(Document document, Class<T> type) {
        return EventJson.mapper().readValue(document.toJson(RELAXED), type);
    }

    private JsonDocuments() {}
}
