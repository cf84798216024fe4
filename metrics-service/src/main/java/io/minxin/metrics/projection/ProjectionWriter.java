package io.minxin.metrics.projection;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes a batch of compacted-topic records as one unordered bulk write per collection: an upsert per
 * key that only replaces a document written from an older offset. Replaying a batch, or an older record
 * arriving after a newer one, therefore changes nothing. After the unit metrics of a batch are written, each period
 * they belong to gets a new stamp ({@link Projections#UNIT_METRICS_CHANGES}): a reader that reads the stamp before the
 * metrics never keeps metrics older than the stamp it keeps them under. A replayed batch stamps again, which costs
 * readers one needless read.
 */
final class ProjectionWriter {
    private static final Logger log = LoggerFactory.getLogger(ProjectionWriter.class);
    private static final int DUPLICATE_KEY = 11000;
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoDatabase database;

    ProjectionWriter(MongoDatabase database) {
        this.database = database;
    }

    /** Writes the batch; completes when every collection has it. */
    Mono<Void> write(Iterable<ConsumerRecord<String, byte[]>> records) {
        Map<String, Map<String, ConsumerRecord<String, byte[]>>> newest = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            String collection = Projections.COLLECTION_BY_TOPIC.get(record.topic());
            if (collection == null || record.key() == null) {
                continue;
            }
            newest.computeIfAbsent(collection, c -> new LinkedHashMap<>())
                    .merge(record.key(), record, (a, b) -> b.offset() > a.offset() ? b : a);
        }
        return Flux.fromIterable(newest.entrySet())
                .flatMap(entry -> {
                    Mono<Void> written =
                            bulkWrite(entry.getKey(), entry.getValue().values());
                    return entry.getKey().equals(Projections.UNIT_METRICS)
                            ? written.then(stamp(entry.getValue().keySet()))
                            : written;
                })
                .then();
    }

    /** A new stamp for the period of each unit-metrics key ({@code unitId|channel|period}). */
    private Mono<Void> stamp(Set<String> unitMetricsKeys) {
        Set<String> periods = new LinkedHashSet<>();
        for (String key : unitMetricsKeys) {
            periods.add(key.substring(key.lastIndexOf('|') + 1));
        }
        List<WriteModel<Document>> stamps = new ArrayList<>(periods.size());
        for (String period : periods) {
            stamps.add(new UpdateOneModel<>(
                    Filters.eq("_id", period),
                    Updates.set(Projections.STAMP, new ObjectId()),
                    new UpdateOptions().upsert(true)));
        }
        return Mono.from(
                        database.getCollection(Projections.UNIT_METRICS_CHANGES).bulkWrite(stamps, UNORDERED))
                .then();
    }

    private Mono<Void> bulkWrite(String collection, Iterable<ConsumerRecord<String, byte[]>> records) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Bson olderOnly =
                    Filters.and(Filters.eq("_id", record.key()), Filters.lt(Projections.OFFSET, record.offset()));
            if (record.value() == null) {
                writes.add(new DeleteOneModel<>(olderOnly));
            } else {
                Document document = parse(record);
                if (document == null) {
                    continue;
                }
                document.put("_id", record.key());
                document.put(Projections.OFFSET, record.offset());
                writes.add(new ReplaceOneModel<>(olderOnly, document, UPSERT));
            }
        }
        if (writes.isEmpty()) {
            return Mono.empty();
        }
        return Mono.from(database.getCollection(collection).bulkWrite(writes, UNORDERED))
                .onErrorResume(MongoBulkWriteException.class, e -> onlyNewerExist(e) ? Mono.empty() : Mono.error(e))
                .then();
    }

    /** The value as a document, or null (and a warning) for a value that is no JSON object: it is skipped. */
    private static Document parse(ConsumerRecord<String, byte[]> record) {
        try {
            return Document.parse(new String(record.value(), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            log.warn(
                    "skipping unreadable record {}-{}@{} (key {}): {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    record.key(),
                    e.getMessage());
            return null;
        }
    }

    /**
     * An upsert whose filter missed because the stored document is from a newer offset tries to insert the
     * same _id and fails as a duplicate: that is the "newer version wins" outcome, not an error.
     */
    private static boolean onlyNewerExist(MongoBulkWriteException e) {
        if (e.getWriteConcernError() != null) {
            return false;
        }
        for (BulkWriteError error : e.getWriteErrors()) {
            if (error.getCode() != DUPLICATE_KEY) {
                return false;
            }
        }
        return true;
    }
}
