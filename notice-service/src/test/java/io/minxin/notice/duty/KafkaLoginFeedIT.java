package io.minxin.notice.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minxin.localstack.LocalStackExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The caught-up test of the duty check against a real broker, with intake's transactions and their markers. */
@ExtendWith(LocalStackExtension.class)
class KafkaLoginFeedIT {
    private final String topic = "duty-feed-it-" + UUID.randomUUID();
    private final String group = "duty-feed-it-" + UUID.randomUUID();
    private final TopicPartition first = new TopicPartition(topic, 0);
    private final TopicPartition second = new TopicPartition(topic, 1);
    private Admin admin;
    private KafkaProducer<String, String> producer;
    private KafkaLoginFeed feed;

    @BeforeEach
    void topic() throws ExecutionException, InterruptedException {
        String brokers = LocalStackExtension.kafkaBootstrapServers();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers));
        admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        brokers,
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                        "duty-feed-it-" + UUID.randomUUID()),
                new StringSerializer(),
                new StringSerializer());
        producer.initTransactions();
        feed = new KafkaLoginFeed(brokers, topic, group);
    }

    @AfterEach
    void close() {
        producer.close();
        admin.close();
    }

    @Test
    void caughtUpOnceTheGroupCommittedEveryRecordThoughNotTheTransactionMarkers() throws Exception {
        assertThat(feed.caughtUp()).as("an empty topic").isTrue();

        long last = inTransaction(first, 3, true);
        assertThat(feed.caughtUp()).as("a group that has read nothing").isFalse();

        // what the listener commits after the transaction's last record: its marker lies beyond
        commit(first, last + 1);
        assertThat(feed.caughtUp()).isTrue();

        inTransaction(first, 2, false);
        assertThat(feed.caughtUp())
                .as("an aborted transaction holds nothing to read")
                .isTrue();

        long lone = inTransaction(second, 1, true);
        assertThat(feed.caughtUp()).as("a record on another partition").isFalse();

        commit(second, lone + 1);
        assertThat(feed.caughtUp()).isTrue();
    }

    @Test
    void notCaughtUpWhenTheTopicCannotBeRead() {
        KafkaLoginFeed missing =
                new KafkaLoginFeed(LocalStackExtension.kafkaBootstrapServers(), "no-such-topic", group);

        assertThat(missing.caughtUp()).isFalse();
    }

    /** Sends {@code count} records to the partition in one transaction; the offset of the last. */
    private long inTransaction(TopicPartition partition, int count, boolean commit) throws Exception {
        producer.beginTransaction();
        RecordMetadata sent = null;
        for (int i = 0; i < count; i++) {
            sent = producer.send(new ProducerRecord<>(topic, partition.partition(), "u", "login " + i))
                    .get();
        }
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.abortTransaction();
        }
        // the coordinator writes the partition's commit or abort marker after the producer's call returns; until
        // then a read_committed reader sees nothing of the transaction, which is not what the test is about
        long last = sent.offset();
        await().atMost(Duration.ofSeconds(10)).until(() -> stableEnd(partition) > last);
        return last;
    }

    /** The partition's end as a read_committed consumer sees it (its last stable offset). */
    private long stableEnd(TopicPartition partition) throws Exception {
        return admin.listOffsets(
                        Map.of(partition, OffsetSpec.latest()), new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .partitionResult(partition)
                .get()
                .offset();
    }

    private void commit(TopicPartition partition, long offset) throws Exception {
        admin.alterConsumerGroupOffsets(group, Map.of(partition, new OffsetAndMetadata(offset)))
                .all()
                .get();
    }
}
