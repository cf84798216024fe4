package io.minxin.notice.review;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.minxin.events.notice.Ruling;
import io.minxin.notice.mongo.JsonDocuments;
import io.minxin.notice.mongo.MongoErrors;
import io.minxin.notice.pushback.PushbackCandidate;
import java.util.Date;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Collection {@code reviews}: one document per case with a 较差件 candidate or a ruling (id = caseId), holding the
 * candidate as {@code case-state} last gave it and the ruling that stands. Both writes are idempotent, and a ruling
 * is written only over an older one ({@code rulingOrder}, {@link Rulings#order}), so the document depends on the
 * set of states and decisions, not on their order or repetition.
 */
@Component
class ReviewStore {
    private final MongoCollection<Document> reviews;

    ReviewStore(MongoDatabase database) {
        this.reviews = database.getCollection("reviews");
    }

    Mono<Void> ensureIndexes() {
        return Mono.from(reviews.createIndex(Indexes.ascending("period", "concludedAt")))
                .then();
    }

    /** Stores the candidate of its case; emits the review as it is now. */
    Mono<Review> putCandidate(PushbackCandidate candidate) {
        Bson update = Updates.combine(
                Updates.set("period", candidate.period()),
                Updates.set("concludedAt", Date.from(candidate.concludedAt())),
                Updates.set("candidate", JsonDocuments.toDocument(candidate)));
        return Mono.from(reviews.findOneAndUpdate(
                        eq("_id", candidate.caseId()),
                        update,
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)))
                .map(ReviewStore::review);
    }

    /**
     * Stores the ruling unless a newer one stands. The conditional upsert of a document whose newer ruling does not
     * match the filter collides with its id: that is the ruling losing, not an error.
     */
    Mono<Void> putRuling(String caseId, String period, Ruling ruling) {
        Bson newer = and(eq("_id", caseId), or(exists("rulingOrder", false), lt("rulingOrder", Rulings.order(ruling))));
        Bson update = Updates.combine(
                Updates.setOnInsert("period", period),
                Updates.set("rulingOrder", Rulings.order(ruling)),
                Updates.set("ruling", JsonDocuments.toDocument(ruling)));
        return Mono.from(reviews.updateOne(newer, update, new UpdateOptions().upsert(true)))
                .then()
                .onErrorResume(MongoErrors::isDuplicateKey, e -> Mono.empty());
    }

    Mono<Review> byCase(String caseId) {
        return Mono.from(reviews.find(eq("_id", caseId)).first()).map(ReviewStore::review);
    }

    /** The reviews of a period (every period when null), in the order of their conclusions. */
    Flux<Review> find(String period) {
        Bson filter = period == null ? exists("candidate") : and(eq("period", period), exists("candidate"));
        return Flux.from(reviews.find(filter).sort(Sorts.ascending("period", "concludedAt", "_id")))
                .map(ReviewStore::review);
    }

    private static Review review(Document document) {
        Document candidate = document.get("candidate", Document.class);
        Document ruling = document.get("ruling", Document.class);
        return new Review(
                document.getString("_id"),
                document.getString("period"),
                candidate == null ? null : JsonDocuments.fromDocument(candidate, PushbackCandidate.class),
                ruling == null ? null : JsonDocuments.fromDocument(ruling, Ruling.class));
    }
}
