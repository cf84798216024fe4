package io.minxin.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command of compose's {@code topics} service and the k8s Job, run as a method against a broker of its own that
 * starts with no topic (the shared test stack has created them all already).
 */
class CreateTopicsIT {
    @TempDir
    Path dataDir;

    private KafkaBroker broker;

    @BeforeEach
    void startEmptyBroker() {
        broker = new KafkaBroker(dataDir, 0, 0).start();
    }

    @AfterEach
    void stopBroker() {
        broker.close();
    }

    @Test
    void createsEveryTopicWithItsPartitionsAndCleanupPolicyAndLeavesExistingOnesAsTheyAre() throws Exception {
        Run first =
                run(Map.of(CreateTopics.BOOTSTRAP, broker.bootstrapServers(), CreateTopics.REPLICATION_FACTOR, "1"));

        assertThat(first.exitCode()).as(first.toString()).isEqualTo(CreateTopics.OK);
        assertThat(first.out())
                .contains(
                        "rankings: 1 partition, 1 replica, compacted",
                        "all " + Topics.all().size() + " topics exist");
        assertThat(first.err()).isEmpty();
        assertThat(topics()).isEqualTo(expected());

        // the old variable name still works, with a warning; topics that exist are left as they are
        Run again = run(Map.of(CreateTopics.OLD_BOOTSTRAP, broker.bootstrapServers()));

        assertThat(again.exitCode()).as(again.toString()).isEqualTo(CreateTopics.OK);
        assertThat(again.err()).contains("warning", CreateTopics.BOOTSTRAP, CreateTopics.OLD_BOOTSTRAP);
        assertThat(topics()).isEqualTo(expected());

        // more replicas than the existing topics have: they are left as they are, and that is said
        Run more = run(Map.of(CreateTopics.BOOTSTRAP, broker.bootstrapServers(), CreateTopics.REPLICATION_FACTOR, "3"));

        assertThat(more.exitCode()).as(more.toString()).isEqualTo(CreateTopics.OK);
        assertThat(more.err()).contains("warning: case-events has 1 replicas, fewer than the 3 asked");
    }

    @Test
    void failsWithTheReasonWhenTheClusterCannotHoldTheReplicationFactor() throws Exception {
        Run run = run(Map.of(CreateTopics.BOOTSTRAP, broker.bootstrapServers(), CreateTopics.REPLICATION_FACTOR, "3"));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(CreateTopics.FAILED);
        assertThat(run.err()).contains("failed", "cannot create topic", "eplication factor");
        assertThat(topics()).isEmpty();
    }

    @Test
    void failsWhenNoBrokerAnswers() {
        int port = broker.port();
        broker.close();

        Run run = run(Map.of(CreateTopics.BOOTSTRAP, "127.0.0.1:" + port), Duration.ofSeconds(3));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(CreateTopics.FAILED);
        assertThat(run.err()).contains("failed", "cannot list topics");
    }

    /** Each Minxin topic as "partitions, cleanup.policy, retention.ms" on the broker. */
    private Map<String, String> topics() throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            List<String> names = admin.listTopics().names().get().stream()
                    .filter(name ->
                            Topics.all().stream().anyMatch(spec -> spec.name().equals(name)))
                    .toList();
            Map<String, TopicDescription> descriptions =
                    admin.describeTopics(names).allTopicNames().get();
            Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                            .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
                            .toList())
                    .all()
                    .get();
            Map<String, String> topics = new TreeMap<>();
            configs.forEach((resource, config) -> topics.put(
                    resource.name(),
                    descriptions.get(resource.name()).partitions().size() + ", "
                            + config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value() + ", "
                            + config.get(TopicConfig.RETENTION_MS_CONFIG).value()));
            return topics;
        }
    }

    /** What the design asks, written out rather than derived from {@link Topics#all()}. */
    private static Map<String, String> expected() {
        Map<String, String> topics = new TreeMap<>();
        topics.put(Topics.CASE_EVENTS, "6, delete, -1");
        topics.put(Topics.UNIT_ACTIVITY, "6, delete, -1");
        topics.put(Topics.CASE_STATE, "6, compact, 604800000");
        topics.put(Topics.UNIT_METRICS, "6, compact, 604800000");
        topics.put(Topics.UNIT_DAILY_METRICS, "6, compact, 604800000");
        topics.put(Topics.RANKINGS, "1, compact, 604800000");
        topics.put(Topics.NOTICES, "6, delete, -1");
        topics.put(Topics.CASE_EVENTS_DLQ, "1, delete, -1");
        topics.put(Topics.AUDIT, "1, delete, -1");
        topics.put(Topics.API_KEY_CHANGES, "1, delete, 604800000");
        topics.put(Topics.DECISIONS, "6, delete, -1");
        return topics;
    }

    private static Run run(Map<String, String> env) {
        return run(env, CreateTopics.KAFKA_TIMEOUT);
    }

    private static Run run(Map<String, String> env, Duration kafkaTimeout) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exitCode = CreateTopics.run(env, kafkaTimeout, outStream, errStream);
        }
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int exitCode, String out, String err) {}
}
