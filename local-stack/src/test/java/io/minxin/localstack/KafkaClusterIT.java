package io.minxin.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minxin.events.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Three brokers on their own directory, not the shared test stack: one of them is stopped and started here. */
class KafkaClusterIT {
    private static final String CASE_ID = "730125";
    private static final int BATCH = 20;
    private static final Duration REJOIN = Duration.ofSeconds(90);

    @TempDir
    Path dataDir;

    /**
     * Stopped in this JVM (a controlled shutdown), or killed with {@code kill -9} in its own JVM (no shutdown at all:
     * its log is recovered on the next start, as a crashed broker's is).
     */
    @ParameterizedTest(name = "killed in its own JVM: {0}")
    @ValueSource(booleans = {false, true})
    void givenThreeBrokersWhenOneIsDownThenTransactionsCommitAndAreReadAndItRejoinsEveryIsr(boolean killed)
            throws Exception {
        // given a stack started with three brokers
        LocalStack.Settings settings = LocalStack.Settings.freePorts(dataDir).withBrokers(3);
        if (killed) {
            settings = settings.withBrokersInChildProcesses();
        }
        try (LocalStack stack = LocalStack.start(settings);
                Admin admin = admin(stack);
                KafkaProducer<String, String> producer = producer(stack);
                KafkaConsumer<String, String> consumer = consumer(stack)) {

            // then clients are told all three, and every Minxin topic is on all three, two in sync for a write
            assertThat(stack.endpoints().bootstrapServers().split(",")).hasSize(3);
            assertThat(admin.describeCluster().nodes().get().stream().map(Node::id))
                    .containsExactlyInAnyOrder(1, 2, 3);
            assertThat(partitions(admin)).allSatisfy(partition -> {
                assertThat(partition.replicas()).hasSize(3);
                assertThat(partition.isr()).hasSize(3);
            });
            assertThat(minInSyncReplicas(admin)).containsOnly("2");

            // when an idempotent transactional producer (acks=all) writes and a read_committed consumer reads
            producer.initTransactions();
            RecordMetadata written = inTransaction(producer, "before");
            consumer.subscribe(List.of(Topics.CASE_EVENTS));
            List<String> read = new ArrayList<>();
            readUntil(consumer, read, values("before"));

            // and the leader of the case's partition goes down
            int leader = leaderOf(admin, written.partition());
            KafkaBroker stopped = stack.broker(leader);
            Path logDir = stopped.logDir();
            assertThat(stopped.inChildProcess()).isEqualTo(killed);
            if (killed) {
                stopped.kill();
            } else {
                stopped.stop();
            }
            assertThat(stopped.isRunning()).isFalse();

            // then writes still commit on the two left and are read, exactly once each
            inTransaction(producer, "during");
            readUntil(consumer, read, values("before", "during"));
            assertThat(leaderOf(admin, written.partition())).isNotEqualTo(leader);

            // when it starts again, on its log dir
            stopped.start();

            // then it is back in the in-sync replicas of every partition, and writes go on
            await("broker " + leader + " back in every ISR")
                    .atMost(REJOIN)
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(partitions(admin))
                            .allSatisfy(partition -> assertThat(
                                            partition.isr().stream().map(Node::id))
                                    .contains(leader)));
            assertThat(stopped.logDir()).isEqualTo(logDir);
            assertThat(logDir).isEqualTo(dataDir.resolve("kafka-3").resolve("node-" + leader));
            inTransaction(producer, "after");
            readUntil(consumer, read, values("before", "during", "after"));
        }

        // when the whole cluster starts again on its directory
        try (LocalStack stack = LocalStack.start(settings)) {
            // then every committed record is there (and the single broker's directory was never used)
            assertThat(CaseEventsReader.recordCount(stack.endpoints().bootstrapServers()))
                    .as("three batches, each with its commit marker")
                    .isEqualTo(3L * (BATCH + 1));
            assertThat(Files.exists(dataDir.resolve("kafka"))).isFalse();
        }
    }

    private static RecordMetadata inTransaction(KafkaProducer<String, String> producer, String phase) throws Exception {
        producer.beginTransaction();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (String value : values(phase)) {
            sent.add(producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, CASE_ID, value)));
        }
        producer.commitTransaction();
        RecordMetadata last = null;
        for (Future<RecordMetadata> record : sent) {
            last = record.get();
        }
        return last;
    }

    private static void readUntil(KafkaConsumer<String, String> consumer, List<String> read, List<String> expected) {
        await().atMost(Duration.ofSeconds(60))
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(10))
                .until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(record -> read.add(record.value()));
                    return read.size() >= expected.size();
                });
        assertThat(read).containsExactlyElementsOf(expected);
    }

    private static List<String> values(String... phases) {
        List<String> values = new ArrayList<>();
        for (String phase : phases) {
            IntStream.range(0, BATCH).mapToObj(i -> phase + "-" + i).forEach(values::add);
        }
        return values;
    }

    private static int leaderOf(Admin admin, int partition) throws Exception {
        TopicDescription caseEvents = admin.describeTopics(List.of(Topics.CASE_EVENTS))
                .allTopicNames()
                .get()
                .get(Topics.CASE_EVENTS);
        return caseEvents.partitions().get(partition).leader().id();
    }

    private static List<TopicPartitionInfo> partitions(Admin admin) throws Exception {
        return admin.describeTopics(topicNames()).allTopicNames().get().values().stream()
                .flatMap(topic -> topic.partitions().stream())
                .toList();
    }

    private static List<String> minInSyncReplicas(Admin admin) throws Exception {
        List<ConfigResource> topics = topicNames().stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
                .toList();
        return admin.describeConfigs(topics).all().get().values().stream()
                .map(Config.class::cast)
                .map(config ->
                        config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value())
                .toList();
    }

    private static List<String> topicNames() {
        return Topics.all().stream().map(Topics.Spec::name).toList();
    }

    private static Admin admin(LocalStack stack) {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.endpoints().bootstrapServers()));
    }

    private static KafkaProducer<String, String> producer(LocalStack stack) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        stack.endpoints().bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                        "kafka-cluster-it"),
                new StringSerializer(),
                new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(LocalStack stack) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                stack.endpoints().bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, "kafka-cluster-it",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(),
                new StringDeserializer());
    }
}
