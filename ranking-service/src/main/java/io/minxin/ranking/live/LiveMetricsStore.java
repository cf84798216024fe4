package io.minxin.ranking.live;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.minxin.events.Channel;
import io.minxin.events.state.UnitMetrics;
import io.minxin.ranking.engine.UnitPerformance;
import io.minxin.ranking.mongo.MongoJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The latest {@link UnitMetrics} of every key, collection {@code unit_metrics}, id {@code unitId|channel|period}:
 * the inputs of the live ranking of every period and channel. Beside them, collection {@code unit_metrics_changes}
 * (id {@code period|channel}) holds a stamp of each ranking's inputs, new with every batch that changed them, so a
 * ranking computed from them is computed again only after a change, by whichever instance stored it.
 */
@Component
public class LiveMetricsStore {
    private static final String STAMP = "stamp";
    /** The stamp of inputs stored before any change was stamped (or of none): the next change replaces it. */
    static final String UNSTAMPED = "";

    private final MongoCollection<Document> metrics;
    private final MongoCollection<Document> changes;

    LiveMetricsStore(MongoDatabase database) {
        this.metrics = database.getCollection("unit_metrics");
        this.changes = database.getCollection("unit_metrics_changes");
    }

    Mono<Void> createIndexes() {
        return Mono.from(metrics.createIndex(Indexes.ascending("period", "channel")))
                .then();
    }

    /**
     * Applies one batch in order: each record replaces the stored one of its key, each deleted key (tombstone) is
     * removed; then every ranking in {@code changed} gets a new stamp. Two round trips per batch. The stamps change
     * only after the metrics are stored, so a reader that reads a stamp before the units never keeps a ranking older
     * than the stamp it keeps it under; a batch applied again (a retry) only stamps again, which costs one needless
     * ranking. A stamp is an ObjectId, unique across instances and never reused, even if the collection is dropped.
     */
    Mono<Void> apply(List<UnitMetrics> upserts, List<String> deletedKeys, Set<PeriodChannel> changed) {
        return store(upserts, deletedKeys).then(stamp(changed));
    }

    private Mono<Void> store(List<UnitMetrics> upserts, List<String> deletedKeys) {
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

    private Mono<Void> stamp(Set<PeriodChannel> changed) {
        if (changed.isEmpty()) {
            return Mono.empty();
        }
        List<WriteModel<Document>> stamps = new ArrayList<>(changed.size());
        for (PeriodChannel ranking : changed) {
            stamps.add(new UpdateOneModel<>(
                    eq("_id", stampId(ranking.period(), ranking.channel())),
                    Updates.set(STAMP, new ObjectId()),
                    new UpdateOptions().upsert(true)));
        }
        return Mono.from(changes.bulkWrite(stamps, new BulkWriteOptions().ordered(false)))
                .then();
    }

    /**
     * The stamp of the inputs of one period and channel ({@link #UNSTAMPED} before the first change): read before
     * {@link #units}, the same stamp means the same units.
     */
    public Mono<String> stamp(String period, Channel channel) {
        return Mono.from(changes.find(eq("_id", stampId(period, channel))).first())
                .map(document -> document.getObjectId(STAMP).toHexString())
                .defaultIfEmpty(UNSTAMPED);
    }

    private static String stampId(String period, Channel channel) {
        return period + "|" + channel.name();
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
