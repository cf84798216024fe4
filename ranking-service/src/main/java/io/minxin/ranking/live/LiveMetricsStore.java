package io.minxin.ranking.live;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.minxin.events.Channel;
import io.minxin.events.state.UnitMetrics;
import io.minxin.ranking.engine.UnitPerformance;
import io.minxin.ranking.mongo.MongoJson;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The latest {@link UnitMetrics} of every key, collection {@code unit_metrics}, id {@code unitId|channel|period}:
 * the inputs of the live ranking of every period and channel.
 */
@Component
public class LiveMetricsStore {
    private final MongoCollection<Document> metrics;

    LiveMetricsStore(MongoDatabase database) {
        this.metrics = database.getCollection("unit_metrics");
    }

    Mono<Void> createIndexes() {
        return Mono.from(metrics.createIndex(Indexes.ascending("period", "channel")))
                .then();
    }

    /**
     * Applies one batch in order: each record replaces the stored one of its key, each deleted key (tombstone) is
     * removed. One round trip per batch.
     */
    Mono<Void> apply(List<UnitMetrics> upserts, List<String> deletedKeys) {
        List<WriteModel<Document>> writes = new ArrayList<>(upserts.size() + deletedKeys.size());
        for (UnitMetrics metric : upserts) {
            writes.add(new ReplaceOneModel<>(
                    eq("_id", metric.key()),
                    MongoJson.toDocument(metric.key(), metric),
                    new ReplaceOptions().upsert(true)));
        }
        for (String key : deletedKeys) {
            writes.add(new DeleteOneModel<>(eq("_id", key)));
        }
        if (writes.isEmpty()) {
            return Mono.empty();
        }
        return Mono.from(metrics.bulkWrite(writes, new BulkWriteOptions().ordered(true)))
                .then();
    }

    /** The inputs of the live ranking of one period and channel. */
    public Flux<UnitPerformance> units(String period, Channel channel) {
        return Flux.from(metrics.find(and(eq("period", period), eq("channel", channel.name()))))
                .map(document -> performance(MongoJson.fromDocument(document, UnitMetrics.class)));
    }

    /** Whether any unit has metrics of {@code period}, in either channel. */
    public Mono<Boolean> hasPeriod(String period) {
        return Mono.from(metrics.find(eq("period", period))
                        .projection(new Document("_id", 1))
                        .first())
                .hasElement();
    }

    /** Every period with metrics. */
    public Flux<String> periods() {
        return Flux.from(metrics.distinct("period", String.class));
    }

    Mono<String> latestPeriod() {
        return Mono.from(metrics.find().sort(Sorts.descending("period")).first())
                .map(document -> document.getString("period"));
    }

    Mono<Long> count(String period, Channel channel) {
        return Mono.from(metrics.countDocuments(and(eq("period", period), eq("channel", channel.name()))));
    }

    static UnitPerformance performance(UnitMetrics metric) {
        return new UnitPerformance(
                metric.unitId(), metric.unitName(), metric.counts(), metric.rates(), metric.exclusions());
    }
}
