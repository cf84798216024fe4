package io.minxin.ranking.revision;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.minxin.ranking.mongo.MongoJson;
import java.time.Instant;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Closed periods, collection {@code periods}, id the period name. */
@Component
class PeriodStore {
    private final MongoCollection<Document> periods;

    PeriodStore(MongoDatabase database) {
        this.periods = database.getCollection("periods");
    }

    /**
     * A period once closed.
     *
     * @param trigger {@code operator} or {@code auto}
     */
    record ClosedPeriod(String period, Instant closedAt, String trigger) {}

    /** Marks the period closed; when it was closed before, the first closing stands. */
    Mono<ClosedPeriod> close(String period, Instant at, String trigger) {
        ClosedPeriod closing = new ClosedPeriod(period, at, trigger);
        return Mono.from(periods.insertOne(MongoJson.toDocument(period, closing)))
                .thenReturn(closing)
                .onErrorResume(MongoJson::isDuplicateKey, error -> find(period));
    }

    Mono<ClosedPeriod> find(String period) {
        return Mono.from(periods.find(eq("_id", period)).first())
                .map(document -> MongoJson.fromDocument(document, ClosedPeriod.class));
    }
}
