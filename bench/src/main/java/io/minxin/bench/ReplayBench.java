package io.minxin.bench;

import io.minxin.events.EventData;
import io.minxin.events.EventJson;
import io.minxin.events.Topics;
import io.minxin.events.UnitLogin;
import io.minxin.events.state.AssessmentPeriod;
import io.minxin.metrics.casestate.CaseFolder;
import io.minxin.metrics.casestate.WorkingDayDeadlines;
import io.minxin.metrics.stream.MetricsTopology;
import io.minxin.metrics.stream.ProcessingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replay of demo-shaped events from case-events to final unit-metrics, against two limits on the same
 * broker and topic: a plain consumer reading it, and a bare two-stage Kafka Streams topology of the same
 * shape and guarantee (group by case, then by unit, counting only).
 */
final class ReplayBench {
    private static final Logger log = LoggerFactory.getLogger(ReplayBench.class);
    private static final String BARE_OUTPUT = "bench-bare-unit-counts";

    private final BenchSettings settings;
    private final Report report;

    ReplayBench(BenchSettings settings, Report report) {
        this.settings = settings;
        this.report = report;
    }

    void run(String bootstrapServers, Path work) throws Exception {
        int count = settings.replayEvents();
        createOutputTopics(bootstrapServers);
        produce(bootstrapServers, count);
        double consumer = plainConsumer(bootstrapServers, count);
        report.row("replay", "plain consumer reading case-events", consumer, "events/s", null, null, null);
        double bare = streams(bootstrapServers, "bench-bare", bareTopology(), work, List.of(Topics.CASE_EVENTS), count);
        report.row(
                "replay",
                "bare 2-stage Streams topology, exactly_once_v2",
                bare,
                "events/s",
                consumer,
                bare / consumer,
                null);
        Topology metrics = MetricsTopology.topology(
                new CaseFolder(AssessmentPeriod.calendarMonth(), WorkingDayDeadlines.china()), ProcessingListener.NONE);
        double full = streams(
                bootstrapServers,
                "bench-metrics",
                metrics,
                work,
                List.of(Topics.CASE_EVENTS, Topics.CASE_STATE),
                count);
        report.row("replay", "metrics-service topology (vs bare)", full, "events/s", bare, full / bare, null);
        report.row(
                "replay",
                "metrics-service topology (vs plain consumer)",
                full,
                "events/s",
                consumer,
                full / consumer,
                null);
    }

    private static void createOutputTopics(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(BARE_OUTPUT, Topics.PARTITIONS, (short) 1)))
                    .all()
                    .get();
        }
    }

    private static void produce(String bootstrapServers, int count) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            DemoEvents.stream(count)
                    .forEach(e ->
                            producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, e.key(), EventJson.toBytes(e))));
            producer.flush();
        }
        log.info("produced {} demo events in {} s", count, String.format("%.1f", IntakeBench.seconds(start)));
    }

    private static double plainConsumer(String bootstrapServers, int count) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CASE_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long start = System.nanoTime();
            long read = 0;
            while (read < count) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                read += records.count();
            }
            return read / IntakeBench.seconds(start);
        }
    }

    /** Stage one keeps the unit per case, stage two counts cases per unit: the shape of metrics-service. */
    static Topology bareTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.CASE_EVENTS, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .mapValues(value -> unitOf(EventJson.fromBytes(value).data()))
                .groupByKey(Grouped.with(Serdes.String(), Serdes.String()))
                .aggregate(
                        () -> "",
                        (caseId, unit, current) -> unit.isEmpty() ? current : unit,
                        Materialized.with(Serdes.String(), Serdes.String()))
                .groupBy((caseId, unit) -> KeyValue.pair(unit, caseId), Grouped.with(Serdes.String(), Serdes.String()))
                .count()
                .toStream()
                .to(BARE_OUTPUT, Produced.with(Serdes.String(), Serdes.Long()));
        return builder.build();
    }

    private static String unitOf(EventData data) {
        if (data instanceof UnitLogin login) {
            return login.unitId();
        }
        String unit = ((io.minxin.events.CaseData) data).unitId();
        return unit == null ? "" : unit;
    }

    /** Runs a topology until its committed offsets reach the end of every input topic; events/s of the first. */
    private static double streams(
            String bootstrapServers, String applicationId, Topology topology, Path work, List<String> inputs, int count)
            throws Exception {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(
                StreamsConfig.STATE_DIR_CONFIG,
                Files.createDirectories(work.resolve(applicationId)).toString());
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 2000);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
                KafkaStreams streams = new KafkaStreams(topology, props)) {
            long start = System.nanoTime();
            streams.start();
            while (!caughtUp(admin, applicationId, inputs)) {
                if (streams.state() == KafkaStreams.State.ERROR) {
                    throw new IllegalStateException(applicationId + " failed");
                }
                Thread.sleep(100);
            }
            double rate = count / IntakeBench.seconds(start);
            log.info("{} caught up: {} events/s", applicationId, String.format("%.0f", rate));
            streams.close(Duration.ofSeconds(30));
            return rate;
        }
    }

    /**
     * True when the group's committed offsets reached the end of the input topics and of every other topic
     * it reads (its internal repartition topics), so the last stage has counted everything.
     */
    private static boolean caughtUp(Admin admin, String groupId, List<String> inputs)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata()
                .get();
        java.util.Set<String> topics = new java.util.TreeSet<>(inputs);
        committed.keySet().forEach(tp -> topics.add(tp.topic()));
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics)
                .allTopicNames()
                .get()
                .forEach((topic, description) -> description
                        .partitions()
                        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        long written = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            // a partition written in transactions ends with a commit marker the group may not have passed
            if (end.getValue() > 0 && (done == null || done.offset() < end.getValue() - 1)) {
                return false;
            }
            if (!end.getKey().topic().equals(inputs.get(0))) {
                written += end.getValue();
            }
        }
        // the later stages must have been fed at all before they can be caught up
        return written > 0;
    }
}
