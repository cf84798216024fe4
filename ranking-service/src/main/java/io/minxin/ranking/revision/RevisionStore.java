package io.minxin.ranking.revision;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.minxin.events.Channel;
import io.minxin.events.ranking.RankingRevision;
import io.minxin.events.ranking.RevisionStatus;
import io.minxin.ranking.mongo.MongoJson;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Every revision, published or pending, collection {@code revisions}, id {@code period|channel|revision}. */
@Component
class RevisionStore {
    private final MongoCollection<Document> revisions;
    /** Counts the writes through this instance, so views read before one are not served after it. */
    private final AtomicLong writes = new AtomicLong();

    RevisionStore(MongoDatabase database) {
        this.revisions = database.getCollection("revisions");
    }

    Mono<Void> createIndexes() {
        return Mono.from(revisions.createIndex(Indexes.ascending("period", "channel", "revision")))
                .then();
    }

    Mono<RankingRevision> find(String id) {
        return Mono.from(revisions.find(eq("_id", id)).first()).map(RevisionStore::revision);
    }

    /** Stores a new revision; when its id exists already, the stored one is the answer. */
    Mono<RankingRevision> insertIfAbsent(RankingRevision revision) {
        return Mono.from(revisions.insertOne(MongoJson.toDocument(revision.id(), revision)))
                .thenReturn(revision)
                .onErrorResume(MongoJson::isDuplicateKey, error -> find(revision.id()))
                .doFinally(signal -> writes.incrementAndGet());
    }

    Mono<RankingRevision> save(RankingRevision revision) {
        return Mono.from(revisions.replaceOne(
                        eq("_id", revision.id()),
                        MongoJson.toDocument(revision.id(), revision),
                        new ReplaceOptions().upsert(true)))
                .thenReturn(revision)
                .doFinally(signal -> writes.incrementAndGet());
    }

    Mono<Void> delete(String id) {
        return Mono.from(revisions.deleteOne(eq("_id", id))).then().doFinally(signal -> writes.incrementAndGet());
    }

    /** How many writes went through this instance so far (including ones that failed). */
    long writes() {
        return writes.get();
    }

    /** Whether any revision of {@code period} exists, of either channel. */
    Mono<Boolean> hasPeriod(String period) {
        return Mono.from(revisions
                        .find(eq("period", period))
                        .projection(new Document("_id", 1))
                        .first())
                .hasElement();
    }

    /** The periods whose revision 1 is published on every channel: their close is complete. */
    Flux<String> periodsPublishedAtClose() {
        return Flux.from(revisions
                        .find(and(eq("revision", 1), eq("status", RevisionStatus.PUBLISHED.name())))
                        .projection(new Document("period", 1)))
                .groupBy(document -> document.getString("period"))
                .flatMap(channels -> channels.count()
                        .filter(count -> count == Channel.values().length)
                        .map(count -> channels.key()));
    }

    /** The revisions of one ranking, oldest first. */
    Flux<RankingRevision> list(String period, Channel channel) {
        return Flux.from(revisions
                        .find(and(eq("period", period), eq("channel", channel.name())))
                        .sort(Sorts.ascending("revision")))
                .map(RevisionStore::revision);
    }

    private static RankingRevision revision(Document document) {
        return MongoJson.fromDocument(document, RankingRevision.class);
    }
}
