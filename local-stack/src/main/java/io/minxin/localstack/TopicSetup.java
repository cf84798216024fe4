package io.minxin.localstack;

import io.minxin.events.Topics;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics of {@link Topics#all()} that do not exist yet; existing topics are left as they are. Used by
 * the local stack (one broker and one replica, or three brokers and three replicas) and by {@link CreateTopics},
 * the one-shot command of compose and k8s.
 *
 * <p>A topic on three or more replicas takes a write with {@code acks=all} once two of them have it
 * ({@code min.insync.replicas} 2), so one broker may be down without losing an acknowledged record or refusing
 * writes; with fewer replicas one in sync is enough (and all there is).
 */
public final class TopicSetup {
    private static final Logger log = LoggerFactory.getLogger(TopicSetup.class);
    /** The replication factor of a single broker: run.sh and the tests. */
    public static final short SINGLE_REPLICA = 1;
    /** Replicas enough for a cluster to lose one broker and still keep two copies of every acknowledged write. */
    private static final int FULL_REPLICATION = 3;

    /** Connects to {@code bootstrapServers} and creates the missing Minxin topics, replicated as {@code brokers} allow. */
    public static void ensureTopics(String bootstrapServers, int brokers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            ensureTopics(admin, Topics.all(), replicationFactor(brokers));
        }
    }

    /** The replicas of each partition on a cluster of {@code brokers}: all of them, at most three. */
    public static short replicationFactor(int brokers) {
        if (brokers < 1) {
            throw new IllegalArgumentException("a cluster has at least one broker, not " + brokers);
        }
        return (short) Math.min(FULL_REPLICATION, brokers);
    }

    /** {@code min.insync.replicas} for {@code replicationFactor} replicas: 2 from three replicas up, else 1. */
    public static int minInSyncReplicas(int replicationFactor) {
        return replicationFactor >= FULL_REPLICATION ? 2 : 1;
    }

    /**
     * Creates those of {@code specs} that {@code admin} does not list yet, each partition on
     * {@code replicationFactor} brokers, with {@link #minInSyncReplicas(int)} of them in sync for a write.
     */
    public static void ensureTopics(Admin admin, List<Topics.Spec> specs, short replicationFactor) {
        try {
            Set<String> existing = admin.listTopics().names().get();
            raiseRecordLimits(admin, specs, existing);
            List<NewTopic> missing = specs.stream()
                    .filter(spec -> !existing.contains(spec.name()))
                    .map(spec -> newTopic(spec, replicationFactor))
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            for (Map.Entry<String, KafkaFuture<Void>> creation :
                    admin.createTopics(missing).values().entrySet()) {
                awaitCreated(creation.getKey(), creation.getValue());
            }
            log.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list topics", e.getCause());
        }
    }

    static NewTopic newTopic(Topics.Spec spec, short replicationFactor) {
        Map<String, String> configs = new HashMap<>();
        configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(minInSyncReplicas(replicationFactor)));
        if (spec.compacted()) {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        if (spec.infiniteRetention()) {
            configs.put(TopicConfig.RETENTION_MS_CONFIG, "-1");
            configs.put(TopicConfig.RETENTION_BYTES_CONFIG, "-1");
        }
        if (spec.maxMessageBytes() > 0) {
            configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(spec.maxMessageBytes()));
        }
        return new NewTopic(spec.name(), spec.partitions(), replicationFactor).configs(configs);
    }

    /**
     * Sets {@code max.message.bytes} of existing topics whose spec has one: a topic created by an earlier version kept
     * the broker's default, and a large revision would be refused on it. Setting the same value again changes nothing.
     */
    private static void raiseRecordLimits(Admin admin, List<Topics.Spec> specs, Set<String> existing)
            throws InterruptedException, ExecutionException {
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        for (Topics.Spec spec : specs) {
            if (spec.maxMessageBytes() > 0 && existing.contains(spec.name())) {
                changes.put(
                        new ConfigResource(ConfigResource.Type.TOPIC, spec.name()),
                        List.of(new AlterConfigOp(
                                new ConfigEntry(
                                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(spec.maxMessageBytes())),
                                AlterConfigOp.OpType.SET)));
            }
        }
        if (!changes.isEmpty()) {
            admin.incrementalAlterConfigs(changes).all().get();
        }
    }

    private static void awaitCreated(String topic, KafkaFuture<Void> creation) throws InterruptedException {
        try {
            creation.get();
        } catch (ExecutionException e) {
            // Another process created it between listing and creating: that is the wanted state.
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic, e.getCause());
            }
        }
    }

    private TopicSetup() {}
}
