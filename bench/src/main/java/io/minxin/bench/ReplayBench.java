package io.minxin.bench;

import com.sun.management.OperatingSystemMXBean;
import io.minxin.events.EventData;
import io.minxin.events.EventJson;
import io.minxin.events.Topics;
import io.minxin.events.UnitLogin;
import io.minxin.events.state.AssessmentPeriod;
import io.minxin.metrics.casestate.CaseFolder;
import io.minxin.metrics.casestate.WorkingDayDeadlines;
import io.minxin.metrics.stream.MetricsTopology;
import io.minxin.metrics.stream.ProcessingListener;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.function.ToDoubleFunction;
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
        int warmUps = Integer.getInteger("bench.replay.warmups", 1);
        int rounds = Integer.getInteger("bench.replay.rounds", 3);
        createOutputTopics(bootstrapServers);
        produce(bootstrapServers, count);
        double consumer = plainConsumer(bootstrapServers, count);
        report.row("replay", "plain consumer reading case-events", consumer, "events/s", null, null, null);
        // Warm-up rounds first (unreported: the first replay in a JVM also pays for compiling the Kafka
        // client and Streams code, which would otherwise fall on the bare topology alone), then rounds of
        // one replay each, back to back: a ratio is taken within a round, where the machine's other load
        // was most alike for both, and the median of the rounds is reported.
        List<Replay> bares = new ArrayList<>();
        List<Replay> fulls = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        String lastMetrics = null;
        for (int round = 1; round <= warmUps + rounds; round++) {
            String suffix = round <= warmUps ? "-warmup-" + round : "-" + (round - warmUps);
            Replay bare = streams(bootstrapServers, "bench-bare" + suffix, bareTopology(), work, count);
            lastMetrics = "bench-metrics" + suffix;
            Replay full = streams(bootstrapServers, lastMetrics, metricsTopology(), work, count);
            if (round > warmUps) {
                bares.add(bare);
                fulls.add(full);
                ratios.add(full.eventsPerSecond() / bare.eventsPerSecond());
                log.info(
                        "round {}: the metrics-service topology at {} of the bare one",
                        round - warmUps,
                        String.format("%.2f", ratios.get(ratios.size() - 1)));
            }
        }
        Replay bare = Replay.median(bares);
        Replay full = Replay.median(fulls);
        double ratio = median(ratios);
        report.row(
                "replay",
                "bare 2-stage Streams topology, exactly_once_v2",
                bare.eventsPerSecond(),
                "events/s",
                consumer,
                bare.eventsPerSecond() / consumer,
                null);
        report.row(
                "replay",
                "metrics-service topology (vs bare; ratio: median of the rounds' ratios)",
                full.eventsPerSecond(),
                "events/s",
                bare.eventsPerSecond(),
                ratio,
                null);
        report.row(
                "replay",
                "metrics-service topology (vs plain consumer)",
                full.eventsPerSecond(),
                "events/s",
                consumer,
                full.eventsPerSecond() / consumer,
                null);
        report.row(
                "replay",
                "bare topology, CPU of the Java threads (Streams, clients, broker; not JIT, GC) per event",
                bare.threadCpuMicrosPerEvent(),
                "µs",
                null,
                null,
                null);
        report.row(
                "replay",
                "metrics-service topology, CPU of the Java threads per event (ratio: bare's / this)",
                full.threadCpuMicrosPerEvent(),
                "µs",
                bare.threadCpuMicrosPerEvent(),
                bare.threadCpuMicrosPerEvent() / full.threadCpuMicrosPerEvent(),
                null);
        new ReplayFootprint(report).measure(bootstrapServers, lastMetrics, work.resolve(lastMetrics));
    }

    private static Topology metricsTopology() {
        return MetricsTopology.topology(
                new CaseFolder(AssessmentPeriod.calendarMonth(), WorkingDayDeadlines.china()), ProcessingListener.NONE);
    }

    /**
     * One replay: events/s from the moment the application is RUNNING until it caught up (its start-up,
     * the same fixed cost for both topologies, is not throughput), and the CPU time spent meanwhile per
     * event, by the whole process and by its Java threads alone (Streams, Kafka clients, the broker; not
     * the JIT compiler or the GC). CPU per event is less sensitive than events/s to other load on the
     * machine, the Java threads' share also to compilation still going on.
     */
    record Replay(double eventsPerSecond, double cpuMicrosPerEvent, double threadCpuMicrosPerEvent) {
        static Replay median(List<Replay> replays) {
            return new Replay(
                    median(replays, Replay::eventsPerSecond),
                    median(replays, Replay::cpuMicrosPerEvent),
                    median(replays, Replay::threadCpuMicrosPerEvent));
        }

        private static double median(List<Replay> replays, ToDoubleFunction<Replay> figure) {
            return ReplayBench.median(
                    replays.stream().map(figure::applyAsDouble).toList());
        }
    }

    /** The middle value; of an even number, the mean of the two middle ones. */
    static double median(List<Double> values) {
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** CPU time of the live Java threads so far, in ns. */
    private static long javaThreadsCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            sum += Math.max(0, threads.getThreadCpuTime(id));
        }
        return sum;
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

    /** Runs a topology until its committed offsets reach the end of case-events and its internal topics. */
    private static Replay streams(
            String bootstrapServers, String applicationId, Topology topology, Path work, int count) throws Exception {
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
        // as metrics-service runs: batches of a commit interval's records per partition, not 16 KiB pieces
        props.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024);
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("bench.streams."))
                .forEach(name -> props.put(name.substring("bench.streams.".length()), System.getProperty(name)));
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
                KafkaStreams streams = new KafkaStreams(topology, props)) {
            long[] running = new long[3];
            streams.setStateListener((now, before) -> {
                if (now == KafkaStreams.State.RUNNING && running[0] == 0) {
                    running[1] = os.getProcessCpuTime();
                    running[2] = javaThreadsCpu();
                    running[0] = System.nanoTime();
                }
            });
            Map<String, Long> before = ends(admin, applicationId);
            long start = System.nanoTime();
            streams.start();
            while (!caughtUp(admin, applicationId, Topics.CASE_EVENTS)) {
                if (streams.state() == KafkaStreams.State.ERROR) {
                    throw new IllegalStateException(applicationId + " failed");
                }
                Thread.sleep(100);
            }
            long cpu = os.getProcessCpuTime() - running[1];
            long threadCpu = javaThreadsCpu() - running[2];
            double seconds = IntakeBench.seconds(running[0]);
            Replay replay = new Replay(count / seconds, cpu / 1_000.0 / count, threadCpu / 1_000.0 / count);
            log.info(
                    "{} caught up: {} events/s after a start-up of {} s; CPU per event {} µs, {} µs of it in Java"
                            + " threads; records written: {}",
                    applicationId,
                    String.format("%.0f", replay.eventsPerSecond()),
                    String.format("%.1f", (running[0] - start) / 1e9),
                    String.format("%.0f", replay.cpuMicrosPerEvent()),
                    String.format("%.0f", replay.threadCpuMicrosPerEvent()),
                    written(before, ends(admin, applicationId)));
            streams.close(Duration.ofSeconds(30));
            return replay;
        }
    }

    /** Records per topic from {@code before} to {@code after}, internal topics shortened to ~name. */
    private static Map<String, Long> written(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> written = new TreeMap<>();
        after.forEach((topic, end) -> {
            long records = end - before.getOrDefault(topic, 0L);
            if (records > 0) {
                written.put(topic.replaceFirst("^bench-[a-z]+(-warmup)?(-\\d+)?-", "~"), records);
            }
        });
        return written;
    }

    /** End offsets of the topics an application may write: its internal ones and every topic but the input. */
    private static Map<String, Long> ends(Admin admin, String applicationId)
            throws ExecutionException, InterruptedException {
        Set<String> topics = admin.listTopics().names().get().stream()
                .filter(t ->
                        t.startsWith(applicationId + "-") || !t.startsWith("bench-") && !t.equals(Topics.CASE_EVENTS))
                .collect(Collectors.toSet());
        Map<String, Long> ends = new TreeMap<>();
        endOffsets(admin, topics).forEach((tp, end) -> ends.merge(tp.topic(), end, Long::sum));
        return ends;
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, Set<String> topics)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics)
                .allTopicNames()
                .get()
                .forEach((topic, description) -> description
                        .partitions()
                        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /**
     * True when the group's committed offsets reached the end of the input topic and of every other topic
     * it reads (its internal repartition topics), so the last stage has counted everything. The input was
     * written without transactions: its end is its last record plus one. The internal topics are written
     * in transactions and end with a commit marker the group need not have passed.
     */
    private static boolean caughtUp(Admin admin, String groupId, String input)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata()
                .get();
        Set<String> topics = new TreeSet<>(Set.of(input));
        committed.keySet().forEach(tp -> topics.add(tp.topic()));
        Map<TopicPartition, Long> ends = endOffsets(admin, topics);
        long written = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            boolean internal = !end.getKey().topic().equals(input);
            long needed = internal ? end.getValue() - 1 : end.getValue();
            if (end.getValue() > 0 && (done == null || done.offset() < needed)) {
                return false;
            }
            if (internal) {
                written += end.getValue();
            }
        }
        // the later stage must have been fed at all before it can be caught up
        return written > 0;
    }
}
