package io.minxin.notice.duty;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caught up when, on every partition of the topic, the ledger has consumed everything the broker holds
 * (read_committed). The ledger records, per partition, the next offset after the last record it has stored
 * ({@link DutyLedger#recordConsumed}); the consumer group's committed offsets are not asked: they only say where a
 * consumer resumes, and a commit that fails (Spring Kafka drops the batch's offsets when its commit throws, and
 * nothing commits that partition again until a new record arrives on it) would leave the check waiting forever.
 * Log-ins come in transactions, and the last offset of a transaction is its commit marker, which the ledger never
 * passes: so a partition whose ledger offset is short of the end is read from there by a short-lived consumer, and
 * counts as caught up when nothing but markers (or aborted records) lies there.
 */
final class KafkaLoginFeed implements LoginFeed {
    private static final Logger log = LoggerFactory.getLogger(KafkaLoginFeed.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PROBE_POLL = Duration.ofMillis(200);

    private final String bootstrapServers;
    private final String topic;
    private final DutyLedger ledger;
    /** The service's Kafka principal (service-kit's KafkaClientSettings): these clients are built here, not by Spring. */
    private final Map<String, String> security;

    KafkaLoginFeed(String bootstrapServers, String topic, DutyLedger ledger) {
        this(bootstrapServers, topic, ledger, Map.of());
    }

    KafkaLoginFeed(String bootstrapServers, String topic, DutyLedger ledger, Map<String, String> security) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.ledger = ledger;
        this.security = Map.copyOf(security);
    }

    @Override
    public boolean caughtUp() {
        try (Admin admin = Admin.create(withSecurity(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                (int) TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) TIMEOUT.toMillis())))) {
            // the ledger before the ends: the ends only grow, so an offset consumed meanwhile is never past them
            Map<Integer, Long> consumed = ledger.consumedOffsets(topic);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .get(topic)
                    .partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            Map<Integer, Long> ends = new HashMap<>();
            admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((partition, end) -> ends.put(partition.partition(), end.offset()));
            Backlog backlog = Backlog.of(ends, consumed);
            if (!backlog.ahead().isEmpty()) {
                log.warn(
                        "The duty ledger has consumed {} past the ends of partitions {} ({} against {}): the topic is "
                                + "not the log the ledger read (deleted and created again?); the duty check waits",
                        topic,
                        backlog.ahead(),
                        consumed,
                        ends);
                return false;
            }
            return backlog.none() || onlyMarkersBetween(partitions(backlog.unread()), partitions(ends));
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            log.warn("Cannot tell whether {} is consumed to its end into the duty ledger: {}", topic, rootCause(e));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Map<TopicPartition, Long> partitions(Map<Integer, Long> offsets) {
        Map<TopicPartition, Long> byPartition = new HashMap<>();
        offsets.forEach((partition, offset) -> byPartition.put(new TopicPartition(topic, partition), offset));
        return byPartition;
    }

    /** Whether reading each partition from {@code from} to its end yields no record the ledger still has to consume. */
    private boolean onlyMarkersBetween(Map<TopicPartition, Long> from, Map<TopicPartition, Long> ends) {
        try (KafkaConsumer<byte[], byte[]> probe = new KafkaConsumer<>(
                withSecurity(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        1,
                        ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                        (int) TIMEOUT.toMillis())),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            probe.assign(from.keySet());
            from.forEach(probe::seek);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!probe.poll(PROBE_POLL).isEmpty()) {
                    return false;
                }
                if (from.keySet().stream().allMatch(partition -> probe.position(partition) >= ends.get(partition))) {
                    return true;
                }
            }
            return false;
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.toString();
    }

    private Map<String, Object> withSecurity(Map<String, Object> config) {
        Map<String, Object> all = new HashMap<>(config);
        all.putAll(security);
        return all;
    }
}
