package io.minxin.localstack;

import static org.awaitility.Awaitility.await;

import io.minxin.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the whole case-events topic without a consumer group, as the tests need it. */
final class CaseEventsReader {

    /** Polls every partition from the beginning until {@code done} holds for the records read so far. */
    static List<ConsumerRecord<String, String>> readUntil(
            String bootstrapServers, String isolationLevel, Predicate<List<ConsumerRecord<String, String>>> done) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers, isolationLevel)) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return done.test(records);
            });
        }
        return records;
    }

    /** How many records the topic holds, by its end offsets. */
    static long recordCount(String bootstrapServers) {
        try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers, "read_uncommitted")) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            return consumer.endOffsets(partitions).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }

    private static KafkaConsumer<String, String> consumer(String bootstrapServers, String isolationLevel) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel),
                new StringDeserializer(),
                new StringDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        return consumer.partitionsFor(Topics.CASE_EVENTS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
    }

    private CaseEventsReader() {}
}
