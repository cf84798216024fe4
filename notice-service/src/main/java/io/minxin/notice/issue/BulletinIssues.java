package io.minxin.notice.issue;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.minxin.notice.mongo.JsonDocuments;
import io.minxin.notice.mongo.MongoErrors;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Collection {@code bulletins} (one issued bulletin per period, id = period) and the numbering counters in
 * {@code counters}: {@code bulletin-number-<year>} (发文字号) and {@code bulletin-sequence} (第N期).
 */
@Component
class BulletinIssues {
    private static final String SEQUENCE = "bulletin-sequence";

    private final MongoCollection<Document> bulletins;
    private final MongoCollection<Document> counters;
    private final IssueSettings settings;

    BulletinIssues(MongoDatabase database, IssueSettings settings) {
        this.bulletins = database.getCollection("bulletins");
        this.counters = database.getCollection("counters");
        this.settings = settings;
    }

    Mono<IssuedBulletin> issued(String period) {
        return Mono.from(bulletins.find(eq("_id", period)).first())
                .map(document ->
                        JsonDocuments.fromDocument(document.get("issue", Document.class), IssuedBulletin.class));
    }

    /** Stores the issue; emits false when the period was issued already. */
    Mono<Boolean> store(IssuedBulletin issue) {
        Document document = new Document("_id", issue.period()).append("issue", JsonDocuments.toDocument(issue));
        return Mono.from(bulletins.insertOne(document))
                .thenReturn(true)
                .onErrorResume(MongoErrors::isDuplicateKey, e -> Mono.just(false));
    }

    /** The 发文字号 sequence the next bulletin of {@code year} gets, without taking it. */
    Mono<Integer> peekNumber(int year) {
        return peek(numberCounter(year), settings.firstNumber());
    }

    Mono<Integer> peekSequence() {
        return peek(SEQUENCE, settings.firstSequence());
    }

    /** Takes the next 发文字号 sequence of {@code year}, or records {@code explicit} as taken. */
    Mono<Integer> takeNumber(int year, Integer explicit) {
        return take(numberCounter(year), settings.firstNumber(), explicit);
    }

    Mono<Integer> takeSequence(Integer explicit) {
        return take(SEQUENCE, settings.firstSequence(), explicit);
    }

    /** A counter holds the last value taken. */
    private Mono<Integer> peek(String counter, int first) {
        return Mono.from(counters.find(eq("_id", counter)).first())
                .map(document -> ((Number) document.get("seq")).intValue() + 1)
                .defaultIfEmpty(first);
    }

    private Mono<Integer> take(String counter, int first, Integer explicit) {
        if (explicit != null) {
            return Mono.from(counters.updateOne(
                            eq("_id", counter), Updates.max("seq", explicit), new UpdateOptions().upsert(true)))
                    .thenReturn(explicit);
        }
        // The first take starts the counter at first - 1, so it yields first.
        return Mono.from(counters.updateOne(
                        eq("_id", counter), Updates.setOnInsert("seq", first - 1), new UpdateOptions().upsert(true)))
                .then(Mono.from(counters.findOneAndUpdate(
                        eq("_id", counter),
                        Updates.inc("seq", 1),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))))
                .map(document -> ((Number) document.get("seq")).intValue());
    }

    private static String numberCounter(int year) {
        return "bulletin-number-" + year;
    }
}
