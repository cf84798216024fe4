package io.minxin.notice.delivery;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.minxin.events.notice.NoticeType;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Collection {@code subscriptions}. Each subscription also carries a delivery lease, so that of several
 * instances only one delivers to a subscription at a time and its order holds.
 */
@Component
class SubscriptionStore {
    private final MongoCollection<Document> subscriptions;

    SubscriptionStore(MongoDatabase database) {
        this.subscriptions = database.getCollection("subscriptions");
    }

    Mono<Subscription> create(Subscription subscription) {
        Document document = new Document("_id", subscription.id())
                .append("name", subscription.name())
                .append("kind", subscription.kind().name())
                .append("url", subscription.url())
                .append("secret", subscription.secret())
                .append(
                        "types",
                        subscription.types().stream().map(Enum::name).sorted().toList())
                .append("createdAt", Date.from(subscription.createdAt()));
        return Mono.from(subscriptions.insertOne(document)).thenReturn(subscription);
    }

    Flux<Subscription> all() {
        return Flux.from(subscriptions.find().sort(Sorts.ascending("createdAt", "_id")))
                .map(SubscriptionStore::toSubscription);
    }

    Mono<Subscription> byId(String id) {
        return Mono.from(subscriptions.find(eq("_id", id)).first()).map(SubscriptionStore::toSubscription);
    }

    /** Emits true when the subscription existed. */
    Mono<Boolean> delete(String id) {
        return Mono.from(subscriptions.deleteOne(eq("_id", id))).map(result -> result.getDeletedCount() > 0);
    }

    /**
     * Takes or renews the delivery lease of a subscription for {@code owner} until {@code until}; emits true
     * when {@code owner} holds it.
     */
    Mono<Boolean> lease(String id, String owner, Instant now, Instant until) {
        return Mono.from(subscriptions.findOneAndUpdate(
                        and(
                                eq("_id", id),
                                or(
                                        exists("leaseUntil", false),
                                        lt("leaseUntil", Date.from(now)),
                                        eq("leaseOwner", owner))),
                        Updates.combine(Updates.set("leaseOwner", owner), Updates.set("leaseUntil", Date.from(until)))))
                .map(found -> true)
                .defaultIfEmpty(false);
    }

    private static Subscription toSubscription(Document document) {
        List<String> types = document.getList("types", String.class, List.of());
        Set<NoticeType> noticeTypes = types.stream().map(NoticeType::valueOf).collect(Collectors.toSet());
        return new Subscription(
                document.getString("_id"),
                document.getString("name"),
                WebhookKind.valueOf(document.getString("kind")),
                document.getString("url"),
                document.getString("secret"),
                noticeTypes,
                document.getDate("createdAt").toInstant());
    }
}
