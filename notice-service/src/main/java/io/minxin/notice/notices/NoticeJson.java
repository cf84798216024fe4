package io.minxin.notice.notices;

import io.minxin.events.EventJson;
import io.minxin.events.notice.Notice;
import io.minxin.notice.mongo.JsonDocuments;
import java.nio.charset.StandardCharsets;
import org.bson.Document;

/** The JSON of a notice: the value on the {@code notices} topic, the generic webhook body, the API item. */
public final class NoticeJson {

    public static String toJson(Notice notice) {
        return EventJson.mapper().writeValueAsString(notice);
    }

    public static byte[] toBytes(Notice notice) {
        return toJson(notice).getBytes(StandardCharsets.UTF_8);
    }

    public static Notice fromJson(String json) {
        return EventJson.mapper().readValue(json, Notice.class);
    }

    static Document toDocument(Notice notice) {
        return JsonDocuments.toDocument(notice);
    }

    static Notice fromDocument(Document document) {
        return JsonDocuments.fromDocument(document, Notice.class);
    }

    private NoticeJson() {}
}
