package io.minxin.localstack;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Queries that pin _id and say more: the answers of a full scan, from the one document with that _id. */
class MongoWireServerIT {
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    @TempDir
    Path dataDir;

    private MongoWireServer server;
    private MongoClient client;
    private MongoCollection<Document> cases;

    @BeforeEach
    void start() {
        server = new MongoWireServer(dataDir.resolve("minxin.mv.db"), 0).start();
        client = MongoClients.create(server.connectionString());
        cases = client.getDatabase("projection").getCollection("cases");
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            documents.add(new Document("_id", "case-" + i)
                    .append("kafkaOffset", (long) i)
                    .append("unit", "u" + i % 7));
        }
        cases.insertMany(documents);
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop();
    }

    @Test
    void queryPinningIdAnswersOnlyWhenTheRestMatchesToo() {
        assertThat(cases.find(and(eq("_id", "case-42"), eq("unit", "u0"))).first())
                .isNotNull()
                .containsEntry("kafkaOffset", 42L);
        assertThat(cases.find(and(eq("_id", "case-42"), eq("unit", "u1"))).first())
                .isNull();
        assertThat(cases.find(and(eq("_id", "case-missing"), eq("unit", "u0"))).first())
                .isNull();
        assertThat(cases.countDocuments(and(eq("_id", "case-43"), lt("kafkaOffset", 50L))))
                .isEqualTo(1);
        // the same without $and, as a plain document
        assertThat(cases.find(new Document("_id", "case-42").append("unit", "u0"))
                        .first())
                .isNotNull();
        assertThat(cases.find(new Document("_id", "case-42").append("unit", "u2"))
                        .first())
                .isNull();
    }

    @Test
    void conditionalUpsertReplacesOnlyAnOlderVersion() {
        // when a newer offset is written: replaced
        cases.replaceOne(
                and(eq("_id", "case-7"), lt("kafkaOffset", 900L)),
                new Document("_id", "case-7").append("kafkaOffset", 900L),
                UPSERT);
        // and when an older one comes after it: the filter misses, the upsert collides with the newer document
        assertThatThrownBy(() -> cases.replaceOne(
                        and(eq("_id", "case-7"), lt("kafkaOffset", 3L)),
                        new Document("_id", "case-7").append("kafkaOffset", 3L),
                        UPSERT))
                .isInstanceOf(MongoWriteException.class)
                .satisfies(e -> assertThat(((MongoWriteException) e).getCode()).isEqualTo(11000));
        // and a new _id is inserted
        cases.replaceOne(
                and(eq("_id", "case-new"), lt("kafkaOffset", 5L)),
                new Document("_id", "case-new").append("kafkaOffset", 5L),
                UPSERT);

        // then
        assertThat(cases.find(eq("_id", "case-7")).first()).containsEntry("kafkaOffset", 900L);
        assertThat(cases.find(eq("_id", "case-new")).first()).containsEntry("kafkaOffset", 5L);
        assertThat(cases.countDocuments()).isEqualTo(1_001);
    }

    @Test
    void conditionalDeleteRemovesOnlyAnOlderVersion() {
        cases.deleteOne(and(eq("_id", "case-8"), lt("kafkaOffset", 2L)));
        cases.deleteOne(and(eq("_id", "case-9"), lt("kafkaOffset", 20L)));

        assertThat(cases.find(eq("_id", "case-8")).first()).isNotNull();
        assertThat(cases.find(eq("_id", "case-9")).first()).isNull();
    }

    @Test
    void uniqueIndexesHoldAfterARestart() {
        // given a declared unique index besides _id, and a restart of the server on the same file
        cases.createIndex(Indexes.ascending("unit", "kafkaOffset"), new IndexOptions().unique(true));
        client.close();
        server.stop();
        server.start();
        client = MongoClients.create(server.connectionString());
        cases = client.getDatabase("projection").getCollection("cases");

        // then both indexes know every document written before
        assertThatThrownBy(() -> cases.insertOne(new Document("_id", "case-1")))
                .isInstanceOf(MongoWriteException.class)
                .satisfies(e -> assertThat(((MongoWriteException) e).getCode()).isEqualTo(11000));
        assertThatThrownBy(() -> cases.insertOne(
                        new Document("_id", "other").append("unit", "u1").append("kafkaOffset", 1L)))
                .isInstanceOf(MongoWriteException.class)
                .satisfies(e -> assertThat(((MongoWriteException) e).getCode()).isEqualTo(11000));
        assertThat(cases.find(eq("_id", "case-999")).first()).containsEntry("kafkaOffset", 999L);
        assertThat(cases.countDocuments()).isEqualTo(1_000);
        // and a removed document frees its keys
        cases.deleteOne(eq("_id", "case-1"));
        cases.insertOne(new Document("_id", "case-1").append("unit", "u1").append("kafkaOffset", 1L));
        assertThat(cases.countDocuments()).isEqualTo(1_000);
    }

    @Test
    void queriesWithoutAPinnedIdStillScan() {
        assertThat(cases.countDocuments(eq("unit", "u3"))).isEqualTo(143);
        assertThat(cases.countDocuments(and(lt("kafkaOffset", 20L), eq("unit", "u3"))))
                .isEqualTo(3);
    }
}
