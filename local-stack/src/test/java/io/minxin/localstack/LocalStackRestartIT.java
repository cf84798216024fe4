package io.minxin.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.minxin.events.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded stack on its own directory, not the shared test stack: it is stopped and started here. */
class LocalStackRestartIT {
    private static final String CASE_ID = "614418";

    @TempDir
    Path dataDir;

    @Test
    void keepsRecordsAndDocumentsAcrossRestartsUntilStartedFresh() throws Exception {
        // given a record and a document written to a running stack
        try (LocalStack stack = LocalStack.start(LocalStack.Settings.freePorts(dataDir))) {
            produce(stack.endpoints().bootstrapServers(), "accepted");
            insertCase(stack.endpoints().mongoUri());

            // when only the broker goes down and up again, on the same ports
            stack.kafka().stop();
            stack.kafka().start();

            // then clients reconnect to the same address and find the record
            assertThat(caseEvents(stack.endpoints().bootstrapServers())).containsExactly("accepted");
        }

        // when the whole stack restarts on the same directory (on other free ports)
        try (LocalStack stack = LocalStack.start(LocalStack.Settings.freePorts(dataDir))) {
            // then topics, records and documents are all still there
            assertThat(CaseEventsReader.recordCount(stack.endpoints().bootstrapServers()))
                    .isEqualTo(1);
            assertThat(caseEvents(stack.endpoints().bootstrapServers())).containsExactly("accepted");
            assertThat(countCases(stack.endpoints().mongoUri())).isEqualTo(1);
        }

        // when it starts fresh
        try (LocalStack stack = LocalStack.start(new LocalStack.Settings(dataDir, true, 0, 0, 0))) {
            // then the topics are back, empty, and the documents gone
            assertThat(CaseEventsReader.recordCount(stack.endpoints().bootstrapServers()))
                    .isZero();
            assertThat(countCases(stack.endpoints().mongoUri())).isZero();
        }
    }

    private static void produce(String bootstrapServers, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, CASE_ID, value))
                    .get();
        }
    }

    private static List<String> caseEvents(String bootstrapServers) {
        return CaseEventsReader.readUntil(bootstrapServers, "read_uncommitted", records -> !records.isEmpty()).stream()
                .map(ConsumerRecord::value)
                .toList();
    }

    private static void insertCase(String mongoUri) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            cases(client).insertOne(new Document("_id", CASE_ID));
        }
    }

    private static long countCases(String mongoUri) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            return cases(client).countDocuments();
        }
    }

    private static MongoCollection<Document> cases(MongoClient client) {
        return client.getDatabase("local_stack_restart").getCollection("cases");
    }
}
