package io.minxin.notice.targets;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.minxin.events.Channel;
import io.minxin.events.state.UnitMetrics;
import io.minxin.notice.mongo.JsonDocuments;
import io.minxin.notice.mongo.MongoErrors;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Collection {@code unit_metrics}: the latest version of each unit|channel|period, for the close check. */
@Component
public class UnitMetricsStore {
    private final MongoCollection<Document> metrics;

    public UnitMetricsStore(MongoDatabase database) {
        this.metrics = database.getCollection("unit_metrics");
    }

    /** Keeps the metrics unless a newer version is stored; emits false for an older version. */
    Mono<Boolean> save(UnitMetrics value) {
        Document document = new Document("_id", value.key())
                .append("unitId", value.unitId())
                .append("channel", value.channel().name())
                .append("period", value.period())
                .append("version", value.version())
                .append("metrics", JsonDocuments.toDocument(value));
        return Mono.from(metrics.replaceOne(
                        and(eq("_id", value.key()), lt("version", value.version())),
                        document,
                        new ReplaceOptions().upsert(true)))
                .thenReturn(true)
                // The key exists with this or a newer version: the filter missed and the upsert collided.
                .onErrorResume(MongoErrors::isDuplicateKey, e -> Mono.just(false));
    }

    Flux<UnitMetrics> byPeriod(String period, Channel channel) {
        return find(and(eq("period", period), eq("channel", channel.name())));
    }

    /** Every unit's metrics of a period, both channels. */
    public Flux<UnitMetrics> byPeriod(String period) {
        return find(eq("period", period));
    }

    private Flux<UnitMetrics> find(Bson filter) {
        return Flux.from(metrics.find(filter).sort(Sorts.ascending("unitId", "channel")))
                .map(document ->
                        JsonDocuments.fromDocument(document.get("metrics", Document.class), UnitMetrics.class));
    }

    /** Every period and channel with stored metrics, as {@code period|channel}. */
    Flux<String> periodsAndChannels() {
        return Flux.from(metrics.aggregate(List.of(Aggregates.group(
                        new Document("period", "$period").append("channel", "$channel"),
                        Accumulators.sum("units", 1)))))
                .map(group -> {
                    Document id = group.get("_id", Document.class);
                    return id.getString("period") + "|" + id.getString("channel");
                });
    }
}
