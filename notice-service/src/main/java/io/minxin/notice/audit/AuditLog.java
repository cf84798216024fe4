package io.minxin.notice.audit;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.minxin.events.audit.AuditEntry;
import io.minxin.notice.mongo.MongoErrors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Collection {@code audit}: every entry of topic {@code audit}, once by its id. The filtered fields are top-level
 * ({@code at} as a date, so time ranges compare as times); the entry itself is kept as its JSON text, exactly as
 * the producer wrote it, whatever keys its {@code change} has.
 */
@Component
class AuditLog {
    private final MongoCollection<Document> audit;

    AuditLog(MongoDatabase database) {
        this.audit = database.getCollection("audit");
    }

    Mono<Void> createIndexes() {
        return Flux.from(audit.createIndexes(List.of(
                        new IndexModel(Indexes.descending("at", "_id")),
                        new IndexModel(
                                Indexes.compoundIndex(Indexes.ascending("actorKeyId"), Indexes.descending("at"))),
                        new IndexModel(Indexes.compoundIndex(Indexes.ascending("action"), Indexes.descending("at"))),
                        new IndexModel(Indexes.compoundIndex(Indexes.ascending("target"), Indexes.descending("at"))))))
                .then();
    }

    /** Stores the entry; one already stored (a redelivery) is left as it is. */
    Mono<Void> save(AuditEntry entry) {
        Document document = new Document("_id", entry.id())
                .append("at", Date.from(entry.at()))
                .append("actorKeyId", entry.actorKeyId())
                .append("action", entry.action())
                .append("target", entry.target())
                .append("entry", new String(entry.toBytes(), StandardCharsets.UTF_8));
        return Mono.from(audit.insertOne(document))
                .then()
                .onErrorResume(MongoErrors::isDuplicateKey, e -> Mono.empty());
    }

    /** The entries that match, newest first. */
    Flux<AuditEntry> find(AuditQuery query) {
        List<Bson> filters = new ArrayList<>();
        if (query.actor() != null) {
            filters.add(eq("actorKeyId", query.actor()));
        }
        if (query.action() != null) {
            filters.add(eq("action", query.action()));
        }
        if (query.target() != null) {
            filters.add(eq("target", query.target()));
        }
        if (query.since() != null) {
            filters.add(gte("at", Date.from(query.since())));
        }
        if (query.until() != null) {
            filters.add(lt("at", Date.from(query.until())));
        }
        Bson filter = filters.isEmpty() ? new Document() : and(filters);
        return Flux.from(audit.find(filter).sort(Sorts.descending("at", "_id")).limit(query.limit()))
                .map(document ->
                        AuditEntry.fromBytes(document.getString("entry").getBytes(StandardCharsets.UTF_8)));
    }
}
