package io.minxin.intake;

import static org.awaitility.Awaitility.await;

import io.minxin.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;

/** Reads the event topics from the beginning without a consumer group, keeping the records of given keys. */
public final class TopicReader {
    public static final String READ_COMMITTED = "read_committed";
    public static final String READ_UNCOMMITTED = "read_uncommitted";

    private TopicReader() {}

    /**
     * Polls {@code case-events} and {@code unit-activity} until {@code done} holds for the records with one of
     * {@code keys}. Other tests share the broker, so keys must be unique to the test.
     */
    public static List<ConsumerRecord<String, byte[]>> readUntil(
            String bootstrapServers,
            String isolationLevel,
            Collection<String> keys,
            Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        Set<String> wanted = Set.copyOf(keys);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.CASE_EVENTS, Topics.UNIT_ACTIVITY)) {
                consumer.partitionsFor(topic)
                        .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (wanted.contains(record.key())) {
                        records.add(record);
                    }
                });
                return done.test(records);
            });
        }
        return records;
    }

    /** The partition Kafka's default partitioner gives a key: murmur2 of its bytes over the partitions. */
    public static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                % Topics.PARTITIONS;
    }
}
