package io.minxin.e2e.support;

import io.minxin.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code unit-metrics} from its end as records arrive: to see the moment metrics-service publishes a
 * result. {@code read_committed} sees what downstream services see; {@code read_uncommitted} sees a result
 * while its transaction is still open.
 */
public final class UnitMetricsWatch implements AutoCloseable {
    /** One record: when it was polled, its key and value. */
    public record Seen(long polledAtNanos, String key, JsonNode value) {}

    private final KafkaConsumer<String, byte[]> consumer;

    public UnitMetricsWatch(String bootstrap, boolean readCommitted) {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "e2e-watch-" + UUID.randomUUID(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        readCommitted ? "read_committed" : "read_uncommitted",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo partition : consumer.partitionsFor(Topics.UNIT_METRICS)) {
            partitions.add(new TopicPartition(partition.topic(), partition.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** Polls once and returns the records whose key matches. */
    public List<Seen> poll(Duration timeout, Predicate<String> key) {
        List<Seen> seen = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
            long now = System.nanoTime();
            if (record.key() != null && record.value() != null && key.test(record.key())) {
                seen.add(new Seen(now, record.key(), Json.read(record.value())));
            }
        }
        return seen;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
