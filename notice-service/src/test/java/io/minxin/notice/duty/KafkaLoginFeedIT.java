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
import org.apache.kafka.clients.admin.NewPartitions;
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

/**
 * The caught-up test of the duty check against a real broker, with intake's transactions and their markers: the
 * ledger's offsets decide, the consumer group's commits do not.
 */
@ExtendWith(LocalStackExtension.class)
class KafkaLoginFeedIT {
    private final String topic = "duty-feed-it-" + UUID.randomUUID();
    /** The group a listener of the topic commits for; the feed never asks it. */
    private final String group = "duty-feed-it-" + UUID.randomUUID();

    private final TopicPartition first = new TopicPartition(topic, 0);
    private final TopicPartition second = new TopicPartition(topic, 1);
    private final InMemoryDutyLedger ledger = new InMemoryDutyLedger();
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
        feed = new KafkaLoginFeed(brokers, topic, ledger);
    }

    @AfterEach
    void close() {
        producer.close();
        admin.close();
    }

    @Test
    void givenTheLoginsConsumedIntoTheLedgerWhenTheGroupsCommitIsShortOfTheEndThenCaughtUp() throws Exception {
        long last = inTransaction(first, 3, true);

        // the listener stored all three, but the commit of its batch failed while the coordinator was away (Spring
        // Kafka then drops the batch's offsets) and nothing arrived on the partition since to commit again
        commit(first, last - 2);
        ledger.recordConsumed(topic, 0, last + 1);

        assertThat(feed.caughtUp()).isTrue();
    }

    @Test
    void givenALoginOnTheBrokerThatTheLedgerHasNotConsumedThenNotCaughtUpWhateverTheGroupCommitted() throws Exception {
        long last = inTransaction(first, 3, true);
        commit(first, last + 1);

        assertThat(feed.caughtUp()).as("a ledger that has consumed nothing").isFalse();

        ledger.recordConsumed(topic, 0, last);
        assertThat(feed.caughtUp()).as("a ledger short of the last log-in").isFalse();

        ledger.recordConsumed(topic, 0, last + 1);
        assertThat(feed.caughtUp()).isTrue();
    }

    @Test
    void caughtUpOnceTheLedgerConsumedEveryRecordThoughNotTheTransactionMarkers() throws Exception {
        assertThat(feed.caughtUp()).as("an empty topic").isTrue();

        long last = inTransaction(first, 3, true);
        assertThat(feed.caughtUp()).as("a ledger that has consumed nothing").isFalse();

        // what the listener records after the transaction's last record: its marker lies beyond
        ledger.recordConsumed(topic, 0, last + 1);
        assertThat(feed.caughtUp()).isTrue();

        inTransaction(first, 2, false);
        assertThat(feed.caughtUp())
                .as("an aborted transaction holds nothing to read")
                .isTrue();

        long lone = inTransaction(second, 1, true);
        assertThat(feed.caughtUp()).as("a record on another partition").isFalse();

        ledger.recordConsumed(topic, 1, lone + 1);
        assertThat(feed.caughtUp()).isTrue();
    }

    @Test
    void givenAPartitionTheLedgerNeverSawWhenItsLogIsOnlyAnAbortedTransactionThenCaughtUp() throws Exception {
        long last = inTransaction(first, 1, true);
        ledger.recordConsumed(topic, 0, last + 1);

        inTransaction(second, 2, false);

        assertThat(ledger.consumedOffsets(topic)).containsOnlyKeys(0);
        assertThat(feed.caughtUp()).isTrue();
    }

    @Test
    void givenAPartitionAddedToTheTopicWhenALoginLandsOnItThenNotCaughtUpUntilTheLedgerConsumedIt() throws Exception {
        admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(3))).all().get();
        TopicPartition added = new TopicPartition(topic, 2);

        long last = inTransaction(added, 1, true);

        await().atMost(Duration.ofSeconds(10)).until(() -> !feed.caughtUp());
        ledger.recordConsumed(topic, 2, last + 1);
        assertThat(feed.caughtUp()).isTrue();
    }

    @Test
    void givenALedgerPastTheTopicsEndThenNotCaughtUp() {
        // the topic was deleted and created again under a ledger that had read the old one
        ledger.recordConsumed(topic, 0, 5);

        assertThat(feed.caughtUp()).isFalse();
    }

    @Test
    void notCaughtUpWhenTheTopicCannotBeRead() {
        KafkaLoginFeed missing =
                new KafkaLoginFeed(LocalStackExtension.kafkaBootstrapServers(), "no-such-topic", ledger);

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
