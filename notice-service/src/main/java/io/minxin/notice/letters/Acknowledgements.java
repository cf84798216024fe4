package io.minxin.notice.letters;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.minxin.events.decision.Decision;
import io.minxin.events.decision.LetterAcknowledged;
import io.minxin.events.notice.Letter.Acknowledgement;
import io.minxin.notice.decisions.DecisionProjection;
import io.minxin.notice.mongo.MongoErrors;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Projection {@code acknowledgements}: one document per {@link LetterAcknowledged} decision, by its id, so applying
 * a decision again stores nothing new and the order of decisions does not matter. A letter's acknowledgement is
 * the one that supersedes the others ({@link Decision#supersedes}); the API lets a unit acknowledge once, two
 * acknowledgements exist only after a race, and then the later reply stands.
 */
final class Acknowledgements implements DecisionProjection {
    static final String COLLECTION = "acknowledgements";

    private final MongoCollection<Document> collection;

    Acknowledgements(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    Mono<Void> ensureIndexes() {
        return Mono.from(collection.createIndex(Indexes.ascending("noticeId"))).then();
    }

    @Override
    public Mono<Void> apply(Decision decision) {
        if (!(decision.body() instanceof LetterAcknowledged acknowledged)) {
            return Mono.empty();
        }
        Document document = new Document("_id", decision.id())
                .append("noticeId", acknowledged.noticeId())
                .append("unitId", acknowledged.unitId())
                .append("period", decision.period())
                .append("decidedBy", decision.decidedBy())
                .append("role", decision.role())
                .append("decidedAt", Date.from(decision.decidedAt()))
                .append("reply", decision.reason());
        return Mono.from(collection.insertOne(document))
                .then()
                .onErrorResume(MongoErrors::isDuplicateKey, e -> Mono.empty());
    }

    /** The acknowledgement of a letter, if it has one. */
    Mono<Acknowledgement> of(String noticeId) {
        return Mono.from(collection
                        .find(eq("noticeId", noticeId))
                        .sort(Sorts.descending("decidedAt", "_id"))
                        .first())
                .map(Acknowledgements::acknowledgement);
    }

    /** Every letter's acknowledgement, by notice id. */
    Mono<Map<String, Acknowledgement>> all() {
        return Flux.from(collection.find().sort(Sorts.ascending("decidedAt", "_id")))
                // ascending: a superseding acknowledgement comes later and replaces the earlier one
                .collect(
                        HashMap::new,
                        (map, document) -> map.put(document.getString("noticeId"), acknowledgement(document)));
    }

    private static Acknowledgement acknowledgement(Document document) {
        return new Acknowledgement(
                document.getString("_id"),
                document.getString("unitId"),
                document.getString("decidedBy"),
                document.getDate("decidedAt").toInstant(),
                document.getString("reply"));
    }
}
