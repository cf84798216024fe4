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

/**
 * Every version of every policy, collection {@code policies}, id {@code <policyId>|<version>}: the platform's (no
 * {@code jurisdiction} field) and each jurisdiction's (field {@code jurisdiction}, its id; the policy id
 * {@code web-ranking@<jurisdiction>}), each owner's numbered on its own. The field is the store's: a policy read back
 * is the rules, its id naming the owner.
 */
@Component
class PolicyStore {
    private final MongoCollection<Document> policies;
    private final AtomicLong writes = new AtomicLong();

    PolicyStore(MongoDatabase database) {
        this.policies = database.getCollection("policies");
    }

    /**
     * Stores a new version of the policy owned by {@code jurisdiction} (null: the platform's, stored without the field
     * as before); a version that exists already fails with a duplicate key.
     */
    Mono<RankingPolicy> insert(String jurisdiction, RankingPolicy policy) {
        Document document = MongoJson.toDocument(policy.id() + "|" + policy.version(), policy);
        if (jurisdiction != null) {
            document.put("jurisdiction", jurisdiction);
        }
        return Mono.from(policies.insertOne(document)).thenReturn(policy).doFinally(signal -> writes.incrementAndGet());
    }

    /** How many writes went through this instance so far (including ones that failed). */
    long writes() {
        return writes.get();
    }

    /** The platform's versions of a channel, oldest first. */
    Flux<RankingPolicy> versions(Channel channel) {
        return versions(null, channel);
    }

    /**
     * The versions of a channel owned by {@code jurisdiction} (null: the platform, whose documents have no
     * jurisdiction, a null filter matching a missing field), oldest first.
     */
    Flux<RankingPolicy> versions(String jurisdiction, Channel channel) {
        return Flux.from(policies.find(and(eq("channel", channel.name()), eq("jurisdiction", jurisdiction)))
                        .sort(Sorts.ascending("version")))
                .map(document -> MongoJson.fromDocument(document, RankingPolicy.class));
    }

    Flux<RankingPolicy> all() {
        return Flux.from(policies.find().sort(Sorts.ascending("channel", "version")))
                .map(document -> MongoJson.fromDocument(document, RankingPolicy.class));
    }

    Mono<RankingPolicy> version(Channel channel, int version) {
        return Mono.from(policies.find(
                                and(eq("channel", channel.name()), eq("jurisdiction", null), eq("version", version)))
                        .first())
                .map(document -> MongoJson.fromDocument(document, RankingPolicy.class));
    }
}
