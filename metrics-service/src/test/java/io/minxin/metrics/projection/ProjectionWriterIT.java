package io.minxin.metrics.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.minxin.events.Topics;
import io.minxin.localstack.LocalStackExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The projection's write rules on the MongoDB-wire server: newest offset wins, replays change nothing. */
@ExtendWith(LocalStackExtension.class)
class ProjectionWriterIT {
    private MongoClient client;
    private MongoDatabase database;
    private ProjectionWriter writer;

    @BeforeEach
    void connect() {
        client = MongoClients.create(LocalStackExtension.mongodbUri());
        database =
                client.getDatabase("projection_" + UUID.randomUUID().toString().replace("-", ""));
        writer = new ProjectionWriter(database);
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void newerOffsetReplacesTheDocumentAndAnOlderOneDoesNot() {
        writer.write(List.of(record(Topics.UNIT_METRICS, "u|PHONE|2020-09", 7, "{\"period\":\"2020-09\",\"n\":7}")))
                .block();
        writer.write(List.of(
                        record(Topics.UNIT_METRICS, "u|PHONE|2020-09", 5, "{\"period\":\"2020-09\",\"n\":5}"),
                        record(Topics.UNIT_METRICS, "v|WEB|2020-09", 6, "{\"period\":\"2020-09\",\"n\":6}")))
                .block();

        assertThat(document(Projections.UNIT_METRICS, "u|PHONE|2020-09").getInteger("n"))
                .isEqualTo(7);
        assertThat(document(Projections.UNIT_METRICS, "v|WEB|2020-09").getInteger("n"))
                .isEqualTo(6);

        writer.write(List.of(record(Topics.UNIT_METRICS, "u|PHONE|2020-09", 9, "{\"period\":\"2020-09\",\"n\":9}")))
                .block();

        Document latest = document(Projections.UNIT_METRICS, "u|PHONE|2020-09");
        assertThat(latest.getInteger("n")).isEqualTo(9);
        assertThat(latest.getLong(Projections.OFFSET)).isEqualTo(9L);
    }

    @Test
    void withinABatchTheHighestOffsetPerKeyIsWritten() {
        writer.write(List.of(
                        record(Topics.CASE_STATE, "614418", 3, "{\"caseId\":\"614418\",\"version\":3}"),
                        record(Topics.CASE_STATE, "614418", 1, "{\"caseId\":\"614418\",\"version\":1}")))
                .block();

        assertThat(document(Projections.CASES, "614418").getInteger("version")).isEqualTo(3);
    }

    @Test
    void replayedBatchLeavesTheDocumentsAsTheyWere() {
        List<ConsumerRecord<String, byte[]>> batch = List.of(
                record(Topics.CASE_STATE, "1", 1, "{\"caseId\":\"1\"}"),
                record("unit-daily-metrics", "u|WEB|2020-09-01", 2, "{\"date\":\"2020-09-01\"}"));
        writer.write(batch).block();

        writer.write(batch).block();

        assertThat(count(Projections.CASES)).isEqualTo(1);
        assertThat(count(Projections.UNIT_DAYS)).isEqualTo(1);
    }

    @Test
    void tombstoneDeletesAnOlderDocumentAndUnreadableValueIsSkipped() {
        writer.write(List.of(record(Topics.CASE_STATE, "1", 1, "{\"caseId\":\"1\"}")))
                .block();

        writer.write(List.of(record(Topics.CASE_STATE, "1", 2, null), record(Topics.CASE_STATE, "2", 3, "[1,2")))
                .block();

        assertThat(count(Projections.CASES)).isZero();
    }

    @Test
    void givenABatchOfUnitMetricsWhenWrittenThenEachOfItsPeriodsGetsANewStampAndNoOtherPeriodDoes() {
        MetricsStore store = new MetricsStore(database);
        writer.write(List.of(
                        record(Topics.UNIT_METRICS, "u|PHONE|2020-08", 1, "{\"period\":\"2020-08\"}"),
                        record(Topics.UNIT_METRICS, "u|PHONE|2020-09", 2, "{\"period\":\"2020-09\"}")))
                .block();
        Map<String, String> before = store.unitMetricsStamps().block();
        assertThat(before).containsOnlyKeys("2020-08", "2020-09");

        // a tombstone changes its period as much as a new record does; other topics change no period
        writer.write(List.of(
                        record(Topics.UNIT_METRICS, "u|PHONE|2020-09", 3, null),
                        record(Topics.CASE_STATE, "1", 4, "{\"caseId\":\"1\"}")))
                .block();

        Map<String, String> after = store.unitMetricsStamps().block();
        assertThat(after).containsOnlyKeys("2020-08", "2020-09").containsEntry("2020-08", before.get("2020-08"));
        assertThat(after.get("2020-09")).isNotEqualTo(before.get("2020-09"));
    }

    private Document document(String collection, String id) {
        return Mono.from(database.getCollection(collection)
                        .find(new Document("_id", id))
                        .first())
                .block();
    }

    private long count(String collection) {
        return Flux.from(database.getCollection(collection).find()).count().block();
    }

    private static ConsumerRecord<String, byte[]> record(String topic, String key, long offset, String json) {
        return new ConsumerRecord<>(topic, 0, offset, key, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }
}
