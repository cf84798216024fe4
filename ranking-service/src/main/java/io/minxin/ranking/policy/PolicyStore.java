package io.minxin.ranking.policy;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.minxin.events.Channel;
import io.minxin.ranking.engine.RankingPolicy;
import io.minxin.ranking.mongo.MongoJson;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Every version of every policy, collection {@code policies}, id {@code <policyId>|<version>}. */
@Component
class PolicyStore {
    private final MongoCollection<Document> policies;
    private final AtomicLong writes = new AtomicLong();

    PolicyStore(MongoDatabase database) {
        this.policies = database.getCollection("policies");
    }

    /** Stores a new version; a version that exists already fails with a duplicate key. */
    Mono<RankingPolicy> insert(RankingPolicy policy) {
        return Mono.from(policies.insertOne(MongoJson.toDocument(policy.id() + "|" + policy.version(), policy)))
                .thenReturn(policy)
                .doFinally(signal -> writes.incrementAndGet());
    }

    /** How many writes went through this instance so far (including ones that failed). */
    long writes() {
        return writes.get();
    }

    Flux<RankingPolicy> versions(Channel channel) {
        return Flux.from(policies.find(eq("channel", channel.name())).sort(Sorts.ascending("version")))
                .map(document -> MongoJson.fromDocument(document, RankingPolicy.class));
    }

    Flux<RankingPolicy> all() {
        return Flux.from(policies.find().sort(Sorts.ascending("channel", "version")))
                .map(document -> MongoJson.fromDocument(document, RankingPolicy.class));
    }

    Mono<RankingPolicy> version(Channel channel, int version) {
        return Mono.from(policies.find(and(eq("channel", channel.name()), eq("version", version)))
                        .first())
                .map(document -> MongoJson.fromDocument(document, RankingPolicy.class));
    }
}
