package io.minxin.notice.notices;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.minxin.events.notice.Notice;
import io.minxin.events.notice.NoticeType;
import io.minxin.notice.mongo.MongoErrors;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Collection {@code notices}: one document per notice id, written once. {@code fannedOut} turns true after
 * the notice reached every {@link NoticeSink}, so an interrupted fan-out is resumed, never lost.
 */
@Component
public class NoticeStore {
    static final String COLLECTION = "notices";

    private final MongoCollection<Document> notices;
    private final Clock clock;

    public NoticeStore(MongoDatabase database, Clock clock) {
        this.notices = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    /** Creates the query indexes; harmless when they exist. */
    public Mono<Void> ensureIndexes() {
        return Flux.concat(
                        notices.createIndex(Indexes.ascending("type", "period")),
                        notices.createIndex(Indexes.ascending("unitId", "period")),
                        notices.createIndex(Indexes.ascending("fannedOut", "storedAt"), new IndexOptions()))
                .then();
    }

    /** Stores a notice unless one with its id exists; emits true when this call stored it. */
    public Mono<Boolean> insertIfAbsent(Notice notice) {
        Document document = new Document("_id", notice.id())
                .append("type", notice.type().name())
                .append("period", notice.period())
                .append("unitId", notice.unitId())
                .append("caseId", notice.caseId())
                .append("occurredAt", Date.from(notice.occurredAt()))
                .append("storedAt", Date.from(clock.instant()))
                .append("fannedOut", false)
                .append("notice", NoticeJson.toDocument(notice));
        return Mono.from(notices.insertOne(document))
                .thenReturn(true)
                .onErrorResume(MongoErrors::isDuplicateKey, e -> Mono.just(false));
    }

    public Mono<Void> markFannedOut(String id) {
        return Mono.from(notices.updateOne(eq("_id", id), Updates.set("fannedOut", true)))
                .then();
    }

    /** Notices stored before {@code storedBefore} whose fan-out did not finish. */
    public Flux<Notice> notFannedOut(Instant storedBefore) {
        return Flux.from(notices.find(and(eq("fannedOut", false), lt("storedAt", Date.from(storedBefore))))
                        .sort(Sorts.ascending("storedAt", "_id")))
                .map(NoticeStore::toNotice);
    }

    public Mono<Notice> byId(String id) {
        return Mono.from(notices.find(eq("_id", id)).first()).map(NoticeStore::toNotice);
    }

    /** Notices matching every given criterion (null = any), oldest fact first. */
    public Flux<Notice> find(NoticeType type, String unitId, String period, int limit) {
        List<Bson> criteria = new ArrayList<>();
        if (type != null) {
            criteria.add(eq("type", type.name()));
        }
        if (unitId != null) {
            criteria.add(eq("unitId", unitId));
        }
        if (period != null) {
            criteria.add(eq("period", period));
        }
        Bson filter = criteria.isEmpty() ? new Document() : and(criteria);
        return Flux.from(notices.find(filter)
                        .sort(Sorts.ascending("occurredAt", "_id"))
                        .limit(limit))
                .map(NoticeStore::toNotice);
    }

    private static Notice toNotice(Document document) {
        return NoticeJson.fromDocument(document.get("notice", Document.class));
    }
}
