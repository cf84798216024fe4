package io.minxin.archive;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A topic's committed records from the beginning up to the end offsets taken once, when the snapshot is made: a
 * plain consumer without a group (every partition assigned, nothing committed), {@code read_committed}. Records
 * written after that moment are not read, so a read ends however busy the topic is, and two reads of one
 * snapshot see the same records.
 */
final class TopicSnapshot {
    private static final Duration POLL = Duration.ofMillis(500);

    private final Map<String, Object> clientProperties;
    private final String topic;
    private final Duration timeout;
    private final Map<TopicPartition, Long> ends;

    TopicSnapshot(Map<String, Object> clientProperties, String topic, Duration timeout) {
        this.clientProperties = Map.copyOf(clientProperties);
        this.topic = topic;
        this.timeout = timeout;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                throw new ArchiveException("topic " + topic + " does not exist on "
                        + clientProperties.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG)
                        + " (create Minxin's topics first)");
            }
            consumer.assign(partitions);
            // read_committed: the last stable offset, so an open transaction's records are not waited for
            this.ends = Map.copyOf(consumer.endOffsets(partitions, timeout));
        }
    }

    String topic() {
        return topic;
    }

    int partitions() {
        return ends.size();
    }

    /** Number of records and transaction markers up to the end: 0 only when nothing was ever written. */
    long size() {
        return ends.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Each record in partition order, and in offset order within a partition. */
    void forEach(Consumer<ConsumerRecord<byte[], byte[]>> each) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            for (int partition = 0; partition < ends.size(); partition++) {
                TopicPartition topicPartition = new TopicPartition(topic, partition);
                long end = ends.get(topicPartition);
                consumer.assign(List.of(topicPartition));
                consumer.seekToBeginning(List.of(topicPartition));
                long deadline = System.nanoTime() + timeout.toNanos();
                for (long position = consumer.position(topicPartition, timeout); position < end; ) {
                    var records = consumer.poll(POLL).records(topicPartition);
                    long moved = consumer.position(topicPartition, timeout);
                    if (moved > position) {
                        position = moved;
                        deadline = System.nanoTime() + timeout.toNanos();
                    } else if (System.nanoTime() > deadline) {
                        throw new ArchiveException("topic " + topic + " partition " + partition
                                + ": no record arrived for " + timeout.toSeconds() + " s before offset " + end);
                    }
                    for (ConsumerRecord<byte[], byte[]> record : records) {
                        if (record.offset() < end) {
                            each.accept(record);
                        }
                    }
                }
            }
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
