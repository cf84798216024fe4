package io.minxin.metrics.projection;

import io.minxin.events.Topics;
import io.minxin.metrics.stream.MetricsTopology;
import java.util.List;
import java.util.Map;

/** Which compacted topic is copied into which collection; each document's _id is the record key. */
final class Projections {
    static final String CASES = "cases";
    static final String UNIT_METRICS = "unit_metrics";
    static final String UNIT_DAYS = "unit_days";
    /**
     * One document per period, id the period: {@code stamp}, a new ObjectId after every batch that wrote unit metrics
     * of the period, so the read API reads a period again only after it changed.
     */
    static final String UNIT_METRICS_CHANGES = "unit_metrics_changes";

    static final String STAMP = "stamp";
    /** Offset of the record a document was written from; only a record at a higher offset replaces it. */
    static final String OFFSET = "kafkaOffset";

    static final Map<String, String> COLLECTION_BY_TOPIC = Map.of(
            Topics.CASE_STATE, CASES,
            Topics.UNIT_METRICS, UNIT_METRICS,
            MetricsTopology.UNIT_DAYS_TOPIC, UNIT_DAYS);

    static List<String> topics() {
        return List.of(Topics.CASE_STATE, Topics.UNIT_METRICS, MetricsTopology.UNIT_DAYS_TOPIC);
    }

    private Projections() {}
}
