package io.minxin.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.minxin.events.Topics;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalStackExtension.class)
class LocalStackExtensionIT {

    @Test
    void readCommittedConsumerSeesCommittedRecordAndNotAbortedOne(LocalStackEndpoints endpoints) throws Exception {
        String caseId = "case-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = transactionalProducer(endpoints.bootstrapServers())) {
            producer.initTransactions();
            // given an aborted transaction, then a committed one, on the same key (so the same partition)
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, caseId, "aborted"));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, caseId, "committed"));
            producer.commitTransaction();
        }

        // when each isolation level reads the partition up to the committed record
        List<String> committedView = readUntilCommitted(endpoints.bootstrapServers(), caseId, "read_committed");
        List<String> uncommittedView = readUntilCommitted(endpoints.bootstrapServers(), caseId, "read_uncommitted");

        // then only the committed record is visible to read_committed, though both were written
        assertThat(committedView).containsExactly("committed");
        assertThat(uncommittedView).containsExactly("aborted", "committed");
    }

    @Test
    void createsTopicsWithTheirPartitionsRetentionAndCompaction() throws Exception {
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackExtension.kafkaBootstrapServers()))) {
            TopicDescription caseEvents = admin.describeTopics(List.of(Topics.CASE_EVENTS))
                    .allTopicNames()
                    .get()
                    .get(Topics.CASE_EVENTS);
            ConfigResource caseEventsResource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CASE_EVENTS);
            ConfigResource caseStateResource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CASE_STATE);
            Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(caseEventsResource, caseStateResource))
                    .all()
                    .get();

            assertThat(admin.listTopics().names().get())
                    .containsAll(Topics.all().stream().map(Topics.Spec::name).toList());
            assertThat(caseEvents.partitions()).hasSize(6);
            assertThat(configs.get(caseEventsResource)
                            .get(TopicConfig.RETENTION_MS_CONFIG)
                            .value())
                    .isEqualTo("-1");
            assertThat(configs.get(caseEventsResource)
                            .get(TopicConfig.RETENTION_BYTES_CONFIG)
                            .value())
                    .isEqualTo("-1");
            assertThat(configs.get(caseStateResource)
                            .get(TopicConfig.CLEANUP_POLICY_CONFIG)
                            .value())
                    .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }

    @Test
    void storesAndFindsMongoDocuments(LocalStackEndpoints endpoints) {
        try (MongoClient client = MongoClients.create(endpoints.mongoUri())) {
            MongoCollection<Document> cases =
                    client.getDatabase("local_stack_it").getCollection("cases");
            String caseId = UUID.randomUUID().toString();

            cases.insertOne(new Document("_id", caseId).append("unitName", "兴隆台街道"));

            Document found = cases.find(Filters.eq("_id", caseId)).first();

            assertThat(found).isNotNull();
            assertThat(found.getString("unitName")).isEqualTo("兴隆台街道");
        }
    }

    @Test
    void publishesEndpointsForSpringBootTests(LocalStackEndpoints endpoints) {
        assertThat(System.getProperty("minxin.kafka.bootstrap")).isEqualTo(endpoints.bootstrapServers());
        assertThat(System.getProperty("spring.kafka.bootstrap-servers")).isEqualTo(endpoints.bootstrapServers());
        assertThat(System.getProperty("spring.cloud.stream.kafka.binder.brokers"))
                .isEqualTo(endpoints.bootstrapServers());
        assertThat(System.getProperty("spring.cloud.stream.kafka.streams.binder.brokers"))
                .isEqualTo(endpoints.bootstrapServers());
        assertThat(System.getProperty("minxin.mongodb.uri")).isEqualTo(endpoints.mongoUri());
    }

    private static KafkaProducer<String, String> transactionalProducer(String bootstrapServers) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                        "local-stack-it-" + UUID.randomUUID()),
                new StringSerializer(),
                new StringSerializer());
    }

    private static List<String> readUntilCommitted(String bootstrapServers, String key, String isolationLevel) {
        return CaseEventsReader.readUntil(
                        bootstrapServers,
                        isolationLevel,
                        records -> records.stream()
                                .anyMatch(record -> key.equals(record.key()) && "committed".equals(record.value())))
                .stream()
                .filter(record -> key.equals(record.key()))
                .map(ConsumerRecord::value)
                .toList();
    }
}
