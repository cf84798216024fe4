package io.minxin.metrics.stream;

import io.minxin.events.Topics;
import io.minxin.events.state.CaseState;
import io.minxin.events.state.UnitMetrics;
import io.minxin.metrics.casestate.CaseFolder;
import io.minxin.metrics.codec.BinarySerdes;
import io.minxin.metrics.codec.CaseHistoryCodec;
import io.minxin.metrics.unitrates.Bucket;
import io.minxin.metrics.unitrates.Share;
import io.minxin.metrics.unitrates.Tally;
import io.minxin.metrics.unitrates.UnitDay;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Materialized.StoreType;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The two stages of metrics-service as pure functions of Kafka Streams DSL objects, usable with or without
 * Spring (the service binds them through the Kafka Streams binder; benchmarks and tests call
 * {@link #build} or {@link #topology} directly).
 *
 * <ol>
 *   <li>{@link #caseState}: case-events and decisions (raw bytes, key caseId, co-partitioned) to one {@link
 *       CaseState} per case, plus the rejected records of case-events for the dead-letter topic, each with a
 *       {@value #DLQ_REASON_HEADER} header (a decision is never a dead letter: {@link DecisionProcessor}).
 *   <li>{@link #unitMetrics}: case states to per-bucket counts: {@link UnitMetrics} per unit, channel and
 *       period, and {@link UnitDay} per unit, channel and local day of first acceptance.
 * </ol>
 *
 * <p>Stage two takes the case states straight from stage one in the same task (both are keyed by caseId),
 * instead of reading them back from case-state: one application, one transaction per commit, and no JSON
 * parsed twice. The stores and the repartition topic hold binary values ({@link CaseHistoryCodec},
 * {@link BinarySerdes}); only the published topics are JSON. The stores are cached, so a case changing
 * several times within a commit interval writes its changelog once.
 *
 * <p>Where the outputs go is said once, in {@link #OUTPUTS}: {@link #build} writes them so, and the service's
 * binder function returns them in that order, which is how the binder binds them to {@code caseState-out-N}
 * of application.yml ({@code BindingsMatchOutputsTest} holds application.yml to it).
 */
public final class MetricsTopology {
    /** Store of stage one: caseId to the case's distinct events, as {@link CaseHistoryCodec} writes them. */
    public static final String HISTORY_STORE = "case-history";
    /**
     * Store of stage one: caseId to the version of its latest change. Its record cache lets a case through
     * once per commit interval however often it changed meanwhile (a replay brings a case's events
     * together), and only then is its state folded and published. Nothing is kept behind the cache
     * ({@link CacheOnlyStore}) and nothing is logged: the history store holds all there is to publish.
     */
    public static final String CHANGED_STORE = "changed-cases";
    /** Store of stage two: caseId to what the case counts where. */
    public static final String CONTRIBUTION_STORE = "case-contributions";
    /** Store of stage two: bucket key to its running counts. */
    public static final String TALLY_STORE = "unit-tallies";
    /** Header on a dead letter saying why the record was rejected. */
    public static final String DLQ_REASON_HEADER = "minxin-dlq-reason";
    /** Compacted topic of the per-day counts, key {@code unitId|channel|YYYY-MM-DD}. */
    public static final String UNIT_DAYS_TOPIC = Topics.UNIT_DAILY_METRICS;
    /** More events than this in one case are refused: the history is kept whole in one store value. */
    public static final int DEFAULT_MAX_EVENTS_PER_CASE = 1000;

    /** The outputs of stage one. */
    public record CaseStates(KStream<String, CaseState> states, KStream<String, byte[]> deadLetters) {}

    /** The outputs of stage two. */
    public record UnitCounts(KStream<String, UnitMetrics> periods, KStream<String, UnitDay> days) {}

    /** The outputs of both stages, as they go to their topics. */
    public record Outputs(
            KStream<String, CaseState> states,
            KStream<String, byte[]> deadLetters,
            KStream<String, UnitMetrics> periods,
            KStream<String, UnitDay> days) {
        /** The streams in the order of {@link #OUTPUTS}: binding {@code caseState-out-N} gets the N-th. */
        // no array of KStream<String, ?> can be created; every output is keyed by a string
        @SuppressWarnings("unchecked")
        public KStream<String, ?>[] inOrder() {
            return OUTPUTS.stream().map(output -> output.stream().apply(this)).toArray(KStream[]::new);
        }
    }

    /** One topic both stages write: its name, its serdes (keys are strings) and which stream it gets. */
    public record Output<V>(String topic, Supplier<Serde<V>> valueSerde, Function<Outputs, KStream<String, V>> stream) {
        public Serde<String> keySerde() {
            return Serdes.String();
        }

        void writeFrom(Outputs outputs) {
            stream.apply(outputs).to(topic, Produced.with(keySerde(), valueSerde.get()));
        }
    }

    /**
     * The outputs of both stages, in the order the Kafka Streams binder binds them: entry N goes out through
     * binding {@code caseState-out-N}, whose destination and serdes in application.yml must be this entry's.
     */
    public static final List<Output<?>> OUTPUTS = List.of(
            new Output<>(Topics.CASE_STATE, JsonSerdes.CaseStateSerde::new, Outputs::states),
            new Output<>(Topics.CASE_EVENTS_DLQ, Serdes::ByteArray, Outputs::deadLetters),
            new Output<>(Topics.UNIT_METRICS, JsonSerdes.UnitMetricsSerde::new, Outputs::periods),
            new Output<>(UNIT_DAYS_TOPIC, JsonSerdes.UnitDaySerde::new, Outputs::days));

    /**
     * Stage one on streams of case-events and decisions values as published (bytes, key caseId), with a choice of
     * store (in-memory stores are for tests and benchmarks of the logic alone). {@code maxEventsPerCase} bounds the
     * entries of a case's history, its events and decisions together.
     */
    public static CaseStates caseState(
            KStream<String, byte[]> events,
            KStream<String, byte[]> decisions,
            CaseFolder folder,
            int maxEventsPerCase,
            ProcessingListener listener,
            StoreType storeType) {
        FixedKeyProcessorSupplier<String, byte[], Folded> fold = new FixedKeyProcessorSupplier<>() {
            @Override
            public FixedKeyProcessor<String, byte[], Folded> get() {
                return new CaseStateProcessor(folder, maxEventsPerCase, listener);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(Stores.keyValueStoreBuilder(
                                supplier(HISTORY_STORE, storeType), Serdes.String(), Serdes.ByteArray())
                        .withCachingEnabled());
            }
        };
        Map<String, KStream<String, Folded>> branches = events.processValues(fold, Named.as("fold-case"))
                .split(Named.as("folded-"))
                .branch((caseId, folded) -> folded.version() != null, Branched.as("state"))
                .defaultBranch(Branched.as("rejected"));
        FixedKeyProcessorSupplier<String, byte[], Folded> decide =
                () -> new DecisionProcessor(maxEventsPerCase, listener);
        KStream<String, Folded> decided = decisions.processValues(decide, Named.as("fold-decision"), HISTORY_STORE);
        FixedKeyProcessorSupplier<String, Long, CaseState> publish = () -> new PublishProcessor(folder);
        KStream<String, CaseState> latest = branches.get("folded-state")
                .merge(decided, Named.as("case-or-decision"))
                .mapValues(Folded::version, Named.as("case-changed"))
                .toTable(
                        Named.as("changed-cases"),
                        Materialized.<String, Long>as(CacheOnlyStore.supplier(CHANGED_STORE))
                                .withKeySerde(Serdes.String())
                                .withValueSerde(Serdes.Long())
                                .withCachingEnabled()
                                .withLoggingDisabled())
                .toStream(Named.as("case-to-publish"))
                .processValues(publish, Named.as("case-state"), HISTORY_STORE);
        return new CaseStates(
                latest, branches.get("folded-rejected").mapValues(Folded::rejected, Named.as("dead-letter")));
    }

    /** Stage two on a stream of case states (key caseId). */
    public static UnitCounts unitMetrics(KStream<String, CaseState> states) {
        return unitMetrics(states, StoreType.ROCKS_DB);
    }

    /** Stage two with a choice of store. */
    public static UnitCounts unitMetrics(KStream<String, CaseState> states, StoreType storeType) {
        ProcessorSupplier<String, CaseState, String, Share> contribute = new ProcessorSupplier<>() {
            @Override
            public Processor<String, CaseState, String, Share> get() {
                return new ContributionProcessor();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                // read and written once per published case state: a record cache would only hold copies
                return Set.of(Stores.keyValueStoreBuilder(
                        supplier(CONTRIBUTION_STORE, storeType),
                        Serdes.String(),
                        new BinarySerdes.ContributionSerde()));
            }
        };
        Map<String, KStream<String, Tally>> branches = states.process(contribute, Named.as("contribute"))
                .groupByKey(Grouped.with("unit-changes", Serdes.String(), new BinarySerdes.ShareSerde()))
                .aggregate(
                        () -> Tally.EMPTY,
                        (bucket, change, tally) -> tally.apply(change),
                        Named.as("tally"),
                        Materialized.<String, Tally, KeyValueStore<Bytes, byte[]>>as(TALLY_STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(new BinarySerdes.TallySerde())
                                .withStoreType(storeType))
                .toStream(Named.as("tallies"))
                .split(Named.as("tally-"))
                .branch((bucket, tally) -> Bucket.parse(bucket).daily(), Branched.as("day"))
                .defaultBranch(Branched.as("period"));
        return new UnitCounts(
                branches.get("tally-period").mapValues(MetricsTopology::unitMetricsOf, Named.as("unit-metrics")),
                branches.get("tally-day").mapValues(MetricsTopology::unitDayOf, Named.as("unit-day")));
    }

    /** Both stages on streams of case-events and decisions values, stage two fed by stage one directly. */
    public static Outputs stages(
            KStream<String, byte[]> events,
            KStream<String, byte[]> decisions,
            CaseFolder folder,
            int maxEventsPerCase,
            ProcessingListener listener,
            StoreType storeType) {
        CaseStates stageOne = caseState(events, decisions, folder, maxEventsPerCase, listener, storeType);
        UnitCounts stageTwo = unitMetrics(stageOne.states(), storeType);
        return new Outputs(stageOne.states(), stageOne.deadLetters(), stageTwo.periods(), stageTwo.days());
    }

    /** Both stages with their topics, as the service runs them. */
    public static void build(
            StreamsBuilder builder, CaseFolder folder, ProcessingListener listener, StoreType storeType) {
        Outputs out = stages(
                builder.stream(Topics.CASE_EVENTS, Consumed.with(Serdes.String(), Serdes.ByteArray())),
                builder.stream(Topics.DECISIONS, Consumed.with(Serdes.String(), Serdes.ByteArray())),
                folder,
                DEFAULT_MAX_EVENTS_PER_CASE,
                listener,
                storeType);
        OUTPUTS.forEach(output -> output.writeFrom(out));
    }

    public static Topology topology(CaseFolder folder, ProcessingListener listener) {
        return topology(folder, listener, StoreType.ROCKS_DB);
    }

    public static Topology topology(CaseFolder folder, ProcessingListener listener, StoreType storeType) {
        StreamsBuilder builder = new StreamsBuilder();
        build(builder, folder, listener, storeType);
        return builder.build();
    }

    private static KeyValueBytesStoreSupplier supplier(String name, StoreType storeType) {
        return storeType == StoreType.IN_MEMORY
                ? Stores.inMemoryKeyValueStore(name)
                : Stores.persistentKeyValueStore(name);
    }

    static UnitMetrics unitMetricsOf(String bucketKey, Tally tally) {
        Bucket bucket = Bucket.parse(bucketKey);
        return new UnitMetrics(
                bucket.unitId(),
                tally.unitName(),
                bucket.channel(),
                bucket.span(),
                tally.counts(),
                tally.version(),
                tally.exclusions());
    }

    static UnitDay unitDayOf(String bucketKey, Tally tally) {
        Bucket bucket = Bucket.parse(bucketKey);
        return new UnitDay(
                bucket.unitId(),
                tally.unitName(),
                bucket.channel(),
                LocalDate.parse(bucket.span()),
                tally.counts(),
                tally.version());
    }

    private MetricsTopology() {}
}
