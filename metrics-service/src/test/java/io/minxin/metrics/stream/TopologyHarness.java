package io.minxin.metrics.stream;

import io.minxin.events.CaseEvent;
import io.minxin.events.EventJson;
import io.minxin.events.Topics;
import io.minxin.events.decision.Decision;
import io.minxin.events.state.AssessmentPeriod;
import io.minxin.events.state.CaseState;
import io.minxin.events.state.UnitMetrics;
import io.minxin.metrics.casestate.CaseFolder;
import io.minxin.metrics.unitrates.UnitDay;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Materialized.StoreType;

/** The whole topology on a TopologyTestDriver, with exactly-once on and record caches off. */
final class TopologyHarness implements AutoCloseable {
    static final CaseFolder FOLDER =
            new CaseFolder(AssessmentPeriod.calendarMonth(), acceptedAt -> acceptedAt.plus(Duration.ofDays(15)));

    final TopologyTestDriver driver;
    final TestInputTopic<String, byte[]> events;
    final TestInputTopic<String, byte[]> decisions;
    final TestOutputTopic<String, CaseState> states;
    final TestOutputTopic<String, byte[]> deadLetters;
    final TestOutputTopic<String, UnitMetrics> unitMetrics;
    final TestOutputTopic<String, UnitDay> unitDays;

    TopologyHarness(Path stateDir, ProcessingListener listener) {
        this(stateDir, listener, StoreType.ROCKS_DB);
    }

    TopologyHarness(Path stateDir, ProcessingListener listener, StoreType storeType) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "metrics-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(MetricsTopology.topology(FOLDER, listener, storeType), props);
        events = driver.createInputTopic(Topics.CASE_EVENTS, new StringSerializer(), new ByteArraySerializer());
        decisions = driver.createInputTopic(Topics.DECISIONS, new StringSerializer(), new ByteArraySerializer());
        states = driver.createOutputTopic(
                Topics.CASE_STATE, new StringDeserializer(), new JsonSerdes.CaseStateSerde().deserializer());
        deadLetters =
                driver.createOutputTopic(Topics.CASE_EVENTS_DLQ, new StringDeserializer(), new ByteArrayDeserializer());
        unitMetrics = driver.createOutputTopic(
                Topics.UNIT_METRICS, new StringDeserializer(), new JsonSerdes.UnitMetricsSerde().deserializer());
        unitDays = driver.createOutputTopic(
                MetricsTopology.UNIT_DAYS_TOPIC,
                new StringDeserializer(),
                new JsonSerdes.UnitDaySerde().deserializer());
    }

    void send(CaseEvent event) {
        events.pipeInput(event.key(), EventJson.toBytes(event));
    }

    void send(Decision decision) {
        decisions.pipeInput(decision.key(), EventJson.mapper().writeValueAsBytes(decision));
    }

    /** The reason header of every dead letter published since the last read, in order. */
    List<String> deadLetterReasons() {
        return deadLetters.readRecordsToList().stream()
                .map(dead -> new String(
                        dead.headers()
                                .lastHeader(MetricsTopology.DLQ_REASON_HEADER)
                                .value(),
                        StandardCharsets.UTF_8))
                .toList();
    }

    /** The latest unit metrics once {@code events} went through a fresh topology in memory, in that order. */
    static Map<String, UnitMetrics> unitMetricsAfter(Path stateDir, List<CaseEvent> events) {
        return foldedAfter(stateDir, events).metrics();
    }

    /** The latest case states and unit metrics, per key, as compacted topics would keep them. */
    record Folded(Map<String, CaseState> states, Map<String, UnitMetrics> metrics) {}

    /** The case states and unit metrics once {@code events} went through a fresh topology in memory, in that order. */
    static Folded foldedAfter(Path stateDir, List<CaseEvent> events) {
        try (TopologyHarness topology = new TopologyHarness(stateDir, ProcessingListener.NONE, StoreType.IN_MEMORY)) {
            events.forEach(topology::send);
            return new Folded(topology.states.readKeyValuesToMap(), topology.latestUnitMetrics());
        }
    }

    /**
     * The counts and rates of every bucket that counts anything: a bucket whose cases all went elsewhere (re-assigned,
     * merged away) ends all zeros, as one that never counted anything.
     */
    static Map<String, List<Object>> countsAndRates(Map<String, UnitMetrics> metrics) {
        Map<String, List<Object>> numbers = new HashMap<>();
        metrics.forEach((key, unit) -> {
            if (!unit.counts().none()) {
                numbers.put(key, List.of(unit.counts(), unit.rates()));
            }
        });
        return numbers;
    }

    /** The latest value per key of each output, as a compacted topic would keep it. */
    Map<String, UnitMetrics> latestUnitMetrics() {
        return unitMetrics.readKeyValuesToMap();
    }

    @Override
    public void close() {
        driver.close();
    }
}
