package io.minxin.bench;

import io.minxin.events.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What a replay leaves behind, per case: the bytes each topic the metrics-service topology writes holds once
 * compacted (the last record of each key, key and value), and its state directory on disk. These are the figures
 * that grow with every case ever received (case-state, the case-history changelog and store), which sizing needs
 * beside events/s.
 */
final class ReplayFootprint {
    private final Report report;

    ReplayFootprint(Report report) {
        this.report = report;
    }

    void measure(String bootstrapServers, String applicationId, Path stateDir) throws Exception {
        List<String> topics;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            topics = admin.listTopics().names().get().stream()
                    .filter(t -> t.equals(Topics.CASE_STATE)
                            || t.equals(Topics.UNIT_METRICS)
                            || t.equals(Topics.UNIT_DAILY_METRICS)
                            || t.startsWith(applicationId + "-") && t.endsWith("-changelog"))
                    .sorted()
                    .toList();
        }
        Compacted cases = compacted(bootstrapServers, Topics.CASE_STATE);
        for (String topic : topics) {
            Compacted size = topic.equals(Topics.CASE_STATE) ? cases : compacted(bootstrapServers, topic);
            report.row(
                    "replay footprint",
                    "compacted " + topic.replace(applicationId + "-", "~") + ": " + size.keys + " keys, bytes per case",
                    (double) size.bytes / cases.keys,
                    "B",
                    null,
                    null,
                    null);
        }
        report.row(
                "replay footprint",
                "state directory of one instance holding every partition (RocksDB, after close), bytes per case",
                (double) directorySize(stateDir) / cases.keys,
                "B",
                null,
                null,
                null);
    }

    private record Compacted(long keys, long bytes) {}

    /** Reads {@code topic} from the start to its end and keeps the size of the last record of each key. */
    private static Compacted compacted(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        Map<String, Integer> last = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String key = new String(record.key(), StandardCharsets.UTF_8);
                    if (record.value() == null) {
                        last.remove(key);
                    } else {
                        last.put(key, record.key().length + record.value().length);
                    }
                }
            }
        }
        return new Compacted(
                last.size(),
                last.values().stream().mapToLong(Integer::longValue).sum());
    }

    private static long directorySize(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> {
                        try {
                            return Files.size(file);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
