package io.minxin.notice.exclusions;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.minxin.events.notice.ExcludedIndicator;
import io.minxin.notice.mongo.JsonDocuments;
import io.minxin.notice.mongo.MongoErrors;
import io.minxin.notice.review.Rulings;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Collection {@code exclusions}: per case and indicator (id {@code caseId|indicator}) the latest exclusion
 * decision ({@code order}, as {@link io.minxin.events.decision.Decision#supersedes}); an older one, or the same one
 * again, changes nothing.
 */
@Component
class ExclusionStore {
    private final MongoCollection<Document> exclusions;

    ExclusionStore(MongoDatabase database) {
        this.exclusions = database.getCollection("exclusions");
    }

    Mono<Void> ensureIndexes() {
        return Mono.from(exclusions.createIndex(Indexes.ascending("period", "caseId")))
                .then();
    }

    Mono<Void> put(ExcludedIndicator entry) {
        String id = entry.caseId() + "|" + entry.indicator().wireName();
        String order = Rulings.order(entry.decidedAt(), entry.decisionId());
        Bson newer = and(eq("_id", id), or(exists("order", false), lt("order", order)));
        Bson update = Updates.combine(
                Updates.set("caseId", entry.caseId()),
                Updates.set("period", entry.period()),
                Updates.set("order", order),
                Updates.set("entry", JsonDocuments.toDocument(entry)));
        return Mono.from(exclusions.updateOne(newer, update, new UpdateOptions().upsert(true)))
                .then()
                .onErrorResume(MongoErrors::isDuplicateKey, e -> Mono.empty());
    }

    /** The entries of a period (every period when null), by case and indicator. */
    Flux<ExcludedIndicator> find(String period) {
        Bson filter = period == null ? new Document() : eq("period", period);
        return Flux.from(exclusions.find(filter).sort(Sorts.ascending("period", "_id")))
                .map(document ->
                        JsonDocuments.fromDocument(document.get("entry", Document.class), ExcludedIndicator.class));
    }
}
