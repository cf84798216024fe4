package io.minxin.metrics.projection;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.minxin.events.EventJson;
import io.minxin.events.state.CaseState;
import io.minxin.events.state.UnitMetrics;
import io.minxin.metrics.unitrates.UnitDay;
import java.time.LocalDate;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads of the projection: the documents are the published JSON plus _id (the key) and the offset. */
@Component
public class MetricsStore {
    private static final Logger log = LoggerFactory.getLogger(MetricsStore.class);

    private final MongoDatabase database;

    public MetricsStore(MongoDatabase database) {
        this.database = database;
    }

    /** Every unit's counts in a period, both channels. */
    public Flux<UnitMetrics> unitMetrics(String period) {
        return Flux.from(database.getCollection(Projections.UNIT_METRICS).find(Filters.eq("period", period)))
                .map(document -> read(document, UnitMetrics.class));
    }

    /**
     * The stamp of every period whose unit metrics the projection wrote ({@link Projections#UNIT_METRICS_CHANGES}): a
     * period's stamp changes after each batch that wrote its metrics; a period absent has not changed since the
     * stamps began.
     */
    public Mono<Map<String, String>> unitMetricsStamps() {
        return Flux.from(
                        database.getCollection(Projections.UNIT_METRICS_CHANGES).find())
                .collectMap(
                        document -> document.getString("_id"),
                        document -> document.getObjectId(Projections.STAMP).toHexString());
    }

    /** Whether any unit has metrics of {@code period}. */
    public Mono<Boolean> hasPeriod(String period) {
        return first(Projections.UNIT_METRICS, Filters.eq("period", period)).hasElement();
    }

    /** Whether any event named the unit: it has day counts or metrics of some period. */
    public Mono<Boolean> hasUnit(String unitId) {
        return first(Projections.UNIT_DAYS, Filters.eq("unitId", unitId))
                .switchIfEmpty(Mono.defer(() -> first(Projections.UNIT_METRICS, Filters.eq("unitId", unitId))))
                .hasElement();
    }

    private Mono<Document> first(String collection, Bson filter) {
        return Mono.from(database.getCollection(collection)
                .find(filter)
                .projection(new Document("_id", 1))
                .first());
    }

    public Mono<CaseState> caseState(String caseId) {
        return Mono.from(database.getCollection(Projections.CASES)
                        .find(Filters.eq("_id", caseId))
                        .first())
                .map(document -> read(document, CaseState.class));
    }

    /** A unit's day counts from {@code from} to {@code to} inclusive, both channels. */
    public Flux<UnitDay> unitDays(String unitId, LocalDate from, LocalDate to) {
        return Flux.from(database.getCollection(Projections.UNIT_DAYS)
                        .find(Filters.and(
                                Filters.eq("unitId", unitId),
                                Filters.gte("date", from.toString()),
                                Filters.lte("date", to.toString()))))
                .map(document -> read(document, UnitDay.class));
    }

    /** Indexes of the queries above; a failure (e.g. MongoDB not up yet) is logged, queries work without. */
    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        Flux.concat(
                        database.getCollection(Projections.UNIT_METRICS)
                                .createIndex(Indexes.ascending("period", "channel")),
                        database.getCollection(Projections.UNIT_DAYS).createIndex(Indexes.ascending("unitId", "date")))
                .subscribe(name -> {}, e -> log.warn("could not create indexes: {}", e.toString()));
    }

    private static <T> T read(Document document, Class<T> type) {
        return EventJson.mapper().readValue(document.toJson(), type);
    }
}
