package io.minxin.archive;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Produces an archive back to its topics: every file is checked against the manifest first, then each record goes
 * to its topic under its original key, value, headers and timestamp, in the archive's order, to the partition its
 * key hashes to (as Kafka's default partitioner puts it, so a case's events and decisions meet again).
 *
 * <p><b>Idempotent.</b> Before producing, each target partition is read ({@code read_committed}) and must hold a
 * prefix of what the archive sends it: nothing (an empty system), part of it (an import that stopped), or all of
 * it (done before). Only the rest is produced, so a second import of the same archive produces nothing and one
 * that stopped half-way is finished by running it again. A partition holding anything else is refused before a
 * record is sent. The records go in transactions of {@link #TRANSACTION_RECORDS} from one idempotent
 * transactional producer ({@code transactional.id} {@link #TRANSACTIONAL_ID}), so a crash leaves whole
 * transactions (the prefix the next run continues from) and a second import running at once fences the first.
 */
final class Importer {
    static final String TRANSACTIONAL_ID = "minxin-archive-import";
    static final int TRANSACTION_RECORDS = 1_000;

    /** What an import did to one topic. */
    record TopicResult(String topic, long produced, long alreadyThere) {}

    private final Map<String, Object> clientProperties;
    private final Duration timeout;
    private final JsonMapper mapper;

    Importer(Map<String, Object> clientProperties, Duration timeout, JsonMapper mapper) {
        this.clientProperties = clientProperties;
        this.timeout = timeout;
        this.mapper = mapper;
    }

    List<TopicResult> importArchive(Path directory) {
        Manifest manifest = Manifest.read(mapper, directory);
        manifest.verify(directory);

        Map<Manifest.FileEntry, Plan> plans = new LinkedHashMap<>();
        for (Manifest.FileEntry entry : manifest.files()) {
            plans.put(entry, plan(directory, entry));
        }
        List<TopicResult> results = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.initTransactions();
            for (Map.Entry<Manifest.FileEntry, Plan> entry : plans.entrySet()) {
                results.add(produce(producer, directory, entry.getKey(), entry.getValue()));
            }
        } catch (KafkaException e) {
            throw new ArchiveException(
                    "Kafka refused the import: " + e.getMessage()
                            + " (what was committed stays; run the import again to finish it)",
                    e);
        }
        return results;
    }

    /** How many records each partition already holds of this file, checked to be the file's own. */
    private record Plan(int partitions, Map<Integer, Integer> alreadyThere) {
        long total() {
            return alreadyThere.values().stream().mapToLong(Integer::longValue).sum();
        }
    }

    private Plan plan(Path directory, Manifest.FileEntry entry) {
        TopicSnapshot target = new TopicSnapshot(clientProperties, entry.topic(), timeout);
        Map<Integer, List<byte[][]>> existing = new HashMap<>();
        target.forEach(record -> existing.computeIfAbsent(record.partition(), p -> new ArrayList<>())
                .add(new byte[][] {record.key(), record.value()}));
        Map<Integer, Integer> matched = new HashMap<>();
        ArchiveFiles.read(mapper, directory.resolve(entry.name()), record -> {
            int partition = partitionOf(record, target.partitions());
            List<byte[][]> there = existing.getOrDefault(partition, List.of());
            int index = matched.getOrDefault(partition, 0);
            if (index < there.size()) {
                if (!record.sameContent(there.get(index)[0], there.get(index)[1])) {
                    throw notEmpty(entry, partition, index);
                }
                matched.put(partition, index + 1);
            }
        });
        existing.forEach((partition, records) -> {
            if (records.size() > matched.getOrDefault(partition, 0)) {
                throw notEmpty(entry, partition, matched.getOrDefault(partition, 0));
            }
        });
        return new Plan(target.partitions(), matched);
    }

    private static ArchiveException notEmpty(Manifest.FileEntry entry, int partition, int index) {
        return new ArchiveException(entry.name() + ": topic " + entry.topic() + " partition " + partition
                + " already holds other records than this archive's (from its record " + index
                + " on); import into an empty system. Nothing was imported");
    }

    private TopicResult produce(
            KafkaProducer<byte[], byte[]> producer, Path directory, Manifest.FileEntry entry, Plan plan) {
        Map<Integer, Integer> toSkip = new HashMap<>(plan.alreadyThere());
        long[] produced = {0};
        int[] inTransaction = {0};
        ArchiveFiles.read(mapper, directory.resolve(entry.name()), record -> {
            int partition = partitionOf(record, plan.partitions());
            int skip = toSkip.getOrDefault(partition, 0);
            if (skip > 0) {
                toSkip.put(partition, skip - 1);
                return;
            }
            if (inTransaction[0] == 0) {
                producer.beginTransaction();
            }
            producer.send(new ProducerRecord<>(
                    entry.topic(),
                    partition,
                    record.timestamp(),
                    record.key(),
                    record.value(),
                    record.headers().stream()
                            .<Header>map(header -> new RecordHeader(header.key(), header.value()))
                            .toList()));
            produced[0]++;
            if (++inTransaction[0] == TRANSACTION_RECORDS) {
                producer.commitTransaction();
                inTransaction[0] = 0;
            }
        });
        if (inTransaction[0] > 0) {
            producer.commitTransaction();
        }
        return new TopicResult(entry.topic(), produced[0], plan.total());
    }

    /** The partition Kafka's default partitioner gives the key (murmur2); a record without key keeps its own. */
    static int partitionOf(ArchivedRecord record, int partitions) {
        if (record.key() == null) {
            return record.partition() % partitions;
        }
        return Utils.toPositive(Utils.murmur2(record.key())) % partitions;
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TRANSACTIONAL_ID);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis());
        return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
