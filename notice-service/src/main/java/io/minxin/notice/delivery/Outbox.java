package io.minxin.notice.delivery;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.minxin.events.notice.Notice;
import io.minxin.notice.mongo.JsonDocuments;
import io.minxin.notice.notices.NoticeSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Collection {@code outbox}: one entry per (notice, subscription), id {@code noticeId|subscriptionId}, so a
 * notice fanned out twice is queued once. {@code seq} comes from a counter and orders each subscription's
 * deliveries as the notices were raised.
 */
@Component
@Order(1)
class Outbox implements NoticeSink {
    static final String PENDING = "PENDING";
    static final String DELIVERED = "DELIVERED";
    private static final String COUNTER_ID = "outbox";

    private final MongoCollection<Document> outbox;
    private final MongoCollection<Document> counters;
    private final SubscriptionStore subscriptions;
    private final Clock clock;

    Outbox(MongoDatabase database, SubscriptionStore subscriptions, Clock clock) {
        this.outbox = database.getCollection("outbox");
        this.counters = database.getCollection("counters");
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    /** The drain reads each subscription's pending entries in seq order. */
    @EventListener(ApplicationReadyEvent.class)
    public void createIndexes() {
        Mono.from(outbox.createIndex(Indexes.ascending("subscriptionId", "status", "seq")))
                .then(Mono.from(outbox.createIndex(Indexes.ascending("status"))))
                // start-up, on the main thread: the indexes exist before the service reports ready
                .block(Duration.ofSeconds(30));
    }

    @Override
    public Mono<Void> accept(Notice notice) {
        return subscriptions
                .all()
                .filter(subscription -> subscription.accepts(notice.type()))
                .concatMap(subscription -> nextSeq().flatMap(seq -> enqueue(notice, subscription, seq)))
                .then();
    }

    private Mono<Void> enqueue(Notice notice, Subscription subscription, long seq) {
        Date now = Date.from(clock.instant());
        return Mono.from(outbox.updateOne(
                        eq("_id", OutboxEntry.id(notice.id(), subscription.id())),
                        Updates.combine(
                                Updates.setOnInsert("subscriptionId", subscription.id()),
                                Updates.setOnInsert("noticeId", notice.id()),
                                Updates.setOnInsert("seq", seq),
                                Updates.setOnInsert("status", PENDING),
                                Updates.setOnInsert("attempts", 0),
                                Updates.setOnInsert("nextAttemptAt", now),
                                Updates.setOnInsert("createdAt", now),
                                Updates.setOnInsert("notice", JsonDocuments.toDocument(notice))),
                        new UpdateOptions().upsert(true)))
                .then();
    }

    /** The first pending entries of a subscription, in delivery order. */
    Flux<OutboxEntry> pending(String subscriptionId, int limit) {
        return Flux.from(outbox.find(and(eq("subscriptionId", subscriptionId), eq("status", PENDING)))
                        .sort(Sorts.ascending("seq"))
                        .limit(limit))
                .map(Outbox::toEntry);
    }

    Mono<Void> delivered(OutboxEntry entry) {
        return Mono.from(outbox.updateOne(
                        eq("_id", entry.id()),
                        Updates.combine(
                                Updates.set("status", DELIVERED),
                                Updates.set("attempts", entry.attempts() + 1),
                                Updates.set("deliveredAt", Date.from(clock.instant())))))
                .then();
    }

    Mono<Void> failed(OutboxEntry entry, Instant nextAttemptAt, String error) {
        return Mono.from(outbox.updateOne(
                        eq("_id", entry.id()),
                        Updates.combine(
                                Updates.set("attempts", entry.attempts() + 1),
                                Updates.set("nextAttemptAt", Date.from(nextAttemptAt)),
                                Updates.set("lastError", error))))
                .then();
    }

    Mono<Long> countPending() {
        return Mono.from(outbox.countDocuments(eq("status", PENDING)));
    }

    /** Drops what a deleted subscription still had to receive. */
    Mono<Void> discard(String subscriptionId) {
        return Mono.from(outbox.deleteMany(and(eq("subscriptionId", subscriptionId), eq("status", PENDING))))
                .then();
    }

    private Mono<Long> nextSeq() {
        return Mono.from(counters.findOneAndUpdate(
                        eq("_id", COUNTER_ID),
                        Updates.inc("seq", 1L),
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)))
                .map(counter -> ((Number) counter.get("seq")).longValue());
    }

    private static OutboxEntry toEntry(Document document) {
        return new OutboxEntry(
                document.getString("_id"),
                document.getString("subscriptionId"),
                ((Number) document.get("seq")).longValue(),
                JsonDocuments.fromDocument(document.get("notice", Document.class), Notice.class),
                ((Number) document.get("attempts")).intValue(),
                document.getDate("nextAttemptAt").toInstant());
    }
}
