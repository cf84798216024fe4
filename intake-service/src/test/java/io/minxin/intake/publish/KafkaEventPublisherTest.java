package io.minxin.intake.publish;

import static io.minxin.intake.TestEvents.accepted;
import static io.minxin.intake.TestEvents.login;
import static io.minxin.intake.TestEvents.visited;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minxin.events.CaseEvent;
import io.minxin.events.EventJson;
import io.minxin.events.Topics;
import io.minxin.intake.TestEvents;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class KafkaEventPublisherTest {
    private final MockProducer<String, byte[]> plainProducer = producer(true);
    private final MockProducer<String, byte[]> txProducer = transactionalProducer();
    private final Scheduler scheduler = Schedulers.newBoundedElastic(2, 10, "test-publish");

    @AfterEach
    void disposeScheduler() {
        scheduler.dispose();
    }

    @Test
    void aCaseEventGoesToCaseEventsKeyedByCaseIdAsTheContractJson() {
        CaseEvent event = accepted("e1", "614418");

        StepVerifier.create(publisher(Duration.ofSeconds(5)).publish(event)).verifyComplete();

        assertThat(plainProducer.history()).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo(Topics.CASE_EVENTS);
            assertThat(record.key()).isEqualTo("614418");
            assertThat(EventJson.fromBytes(record.value())).isEqualTo(event);
        });
        assertThat(txProducer.history()).isEmpty();
    }

    @Test
    void aBatchIsOneCommittedTransactionWithEachEventOnItsTopic() {
        List<CaseEvent> batch = List.of(accepted("e1", "c1"), login("e2", "u-07"), visited("e3", "c1"));

        StepVerifier.create(publisher(Duration.ofSeconds(5)).publishAtomically(batch))
                .verifyComplete();

        assertThat(txProducer.transactionCommitted()).isTrue();
        assertThat(txProducer.history())
                .extracting(ProducerRecord::topic, ProducerRecord::key)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Topics.CASE_EVENTS, "c1"),
                        org.assertj.core.groups.Tuple.tuple(Topics.UNIT_ACTIVITY, "u-07"),
                        org.assertj.core.groups.Tuple.tuple(Topics.CASE_EVENTS, "c1"));
        assertThat(plainProducer.history()).isEmpty();
    }

    @Test
    void givenEveryOptionalTypeInABatchThenCaseEventsGoToCaseEventsByCaseIdAndTheUnitsRegistrationToUnitActivity() {
        List<CaseEvent> batch = TestEvents.optionalTypes("o", "614418", "u-01");

        StepVerifier.create(publisher(Duration.ofSeconds(5)).publishAtomically(batch))
                .verifyComplete();

        assertThat(txProducer.transactionCommitted()).isTrue();
        assertThat(txProducer.history())
                .filteredOn(record -> record.topic().equals(Topics.UNIT_ACTIVITY))
                .extracting(ProducerRecord::key)
                .containsExactly("u-01");
        assertThat(txProducer.history())
                .filteredOn(record -> record.topic().equals(Topics.CASE_EVENTS))
                .extracting(ProducerRecord::key)
                .hasSize(batch.size() - 1)
                .containsOnly("614418", "614418-dup")
                .containsOnlyOnce("614418-dup");
        assertThat(txProducer.history().stream()
                        .map(record -> EventJson.fromBytes(record.value()))
                        .toList())
                .isEqualTo(batch);
    }

    @Test
    void aSendFailingAfterTheFirstAbortsTheTransactionAndFailsThePublication() {
        MockProducer<String, byte[]> failsOnSecond =
                new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer()) {
                    @Override
                    public synchronized Future<RecordMetadata> send(
                            ProducerRecord<String, byte[]> record, Callback callback) {
                        if (uncommittedRecords().size() == 1) {
                            throw new KafkaException("record too large");
                        }
                        return super.send(record, callback);
                    }
                };
        failsOnSecond.initTransactions();
        KafkaEventPublisher publisher = publisher(plainProducer, failsOnSecond, Duration.ofSeconds(5));

        StepVerifier.create(publisher.publishAtomically(
                        List.of(accepted("e1", "c1"), accepted("e2", "c2"), accepted("e3", "c3"))))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(PublishFailedException.class)
                        .hasMessageContaining("transaction of 3 events was not committed")
                        .hasMessageContaining("record too large"))
                .verify(Duration.ofSeconds(5));

        assertThat(failsOnSecond.transactionAborted()).isTrue();
        assertThat(failsOnSecond.history()).isEmpty();
    }

    @Test
    void aFailedCommitFailsThePublicationAndPublishesNothing() {
        txProducer.commitTransactionException = new KafkaException("broker gone");

        StepVerifier.create(publisher(Duration.ofSeconds(5))
                        .publishAtomically(List.of(accepted("e1", "c1"), accepted("e2", "c2"))))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(PublishFailedException.class)
                        .hasMessageContaining("transaction of 2 events was not committed"))
                .verify(Duration.ofSeconds(5));

        assertThat(txProducer.transactionCommitted()).isFalse();
        assertThat(txProducer.history()).isEmpty();
    }

    @Test
    void anAcknowledgementThatNeverComesFailsAfterTheTimeout() {
        MockProducer<String, byte[]> silent = producer(false);
        KafkaEventPublisher publisher = publisher(silent, txProducer, Duration.ofMillis(300));

        StepVerifier.create(publisher.publish(accepted("e1", "c1")))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(PublishFailedException.class)
                        .hasMessageContaining("no acknowledgement within the publish timeout"))
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void singleEventsBeyondTheInFlightLimitAreRefusedAtOnceUntilKafkaAcknowledges() {
        MockProducer<String, byte[]> slow = producer(false);
        KafkaEventPublisher publisher = publisher(slow, txProducer, Duration.ofSeconds(60), 2);
        // one at a time: the first sends run on the publish scheduler's threads, and completeNext completes the
        // oldest send, which must be e1's
        CompletableFuture<Void> first = publisher.publish(accepted("e1", "c1")).toFuture();
        await().until(() -> slow.history().size() == 1);
        CompletableFuture<Void> second = publisher.publish(accepted("e2", "c2")).toFuture();
        await().until(() -> slow.history().size() == 2);

        StepVerifier.create(publisher.publish(accepted("e3", "c3")))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(PublishFailedException.class)
                        .hasMessageContaining("2 events await Kafka's acknowledgement"))
                .verify(Duration.ofSeconds(5));

        slow.completeNext();
        assertThat(first).succeedsWithin(Duration.ofSeconds(5));
        CompletableFuture<Void> fourth = publisher.publish(accepted("e4", "c4")).toFuture();
        await().until(() -> slow.history().size() == 3);
        slow.completeNext();
        slow.completeNext();
        assertThat(second).succeedsWithin(Duration.ofSeconds(5));
        assertThat(fourth).succeedsWithin(Duration.ofSeconds(5));
        assertThat(slow.history()).extracting(ProducerRecord::key).containsExactly("c1", "c2", "c4");
    }

    @Test
    void theFirstSendToATopicRunsOnThePublishSchedulerAndOnceAcknowledgedOnTheCallersThread() {
        List<String> senders = new CopyOnWriteArrayList<>();
        MockProducer<String, byte[]> recording =
                new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer()) {
                    @Override
                    public synchronized Future<RecordMetadata> send(
                            ProducerRecord<String, byte[]> record, Callback callback) {
                        senders.add(Thread.currentThread().getName());
                        return super.send(record, callback);
                    }

                    @Override
                    public void close(Duration timeout) {}
                };
        KafkaEventPublisher publisher = publisher(recording, txProducer, Duration.ofSeconds(5));

        StepVerifier.create(publisher.publish(accepted("e1", "c1"))).verifyComplete();
        StepVerifier.create(publisher.publish(accepted("e2", "c2"))).verifyComplete();
        StepVerifier.create(publisher.publish(login("e3", "u-01"))).verifyComplete();

        assertThat(senders.get(0)).startsWith("test-publish");
        assertThat(senders.get(1)).isEqualTo(Thread.currentThread().getName());
        assertThat(senders.get(2)).as("another topic").startsWith("test-publish");
    }

    @Test
    void aSendThatThrowsFailsThePublicationAndFreesItsSlot() {
        MockProducer<String, byte[]> throwing = producer(true);
        throwing.sendException = new KafkaException("serializer broke");
        KafkaEventPublisher publisher = publisher(throwing, txProducer, Duration.ofSeconds(5), 1);

        for (String id : List.of("e1", "e2")) {
            StepVerifier.create(publisher.publish(accepted(id, "c1")))
                    .expectErrorSatisfies(e -> assertThat(e)
                            .isInstanceOf(PublishFailedException.class)
                            .hasMessageContaining("serializer broke"))
                    .verify(Duration.ofSeconds(5));
        }
    }

    @Test
    void aFailedAcknowledgementFailsThePublication() {
        MockProducer<String, byte[]> rejecting = producer(false);
        KafkaEventPublisher publisher = publisher(rejecting, txProducer, Duration.ofSeconds(60), 10);

        CompletableFuture<Void> publication =
                publisher.publish(accepted("e1", "c1")).toFuture();
        await().until(() -> rejecting.history().size() == 1);
        rejecting.errorNext(new KafkaException("not enough replicas"));

        assertThat(publication)
                .failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOf(PublishFailedException.class)
                .withMessageContaining("event e1 was not acknowledged")
                .withMessageContaining("not enough replicas");
    }

    private KafkaEventPublisher publisher(Duration timeout) {
        return publisher(plainProducer, txProducer, timeout);
    }

    private KafkaEventPublisher publisher(
            MockProducer<String, byte[]> plain, MockProducer<String, byte[]> transactional, Duration timeout) {
        return publisher(plain, transactional, timeout, 100);
    }

    private KafkaEventPublisher publisher(
            MockProducer<String, byte[]> plain,
            MockProducer<String, byte[]> transactional,
            Duration timeout,
            int maxInFlight) {
        return new KafkaEventPublisher(
                new KafkaTemplate<>(new MockProducerFactory<>(() -> plain)),
                new KafkaTemplate<>(new MockProducerFactory<>((tx, id) -> transactional, "tx-")),
                scheduler,
                timeout,
                maxInFlight);
    }

    private static MockProducer<String, byte[]> transactionalProducer() {
        MockProducer<String, byte[]> producer = producer(true);
        producer.initTransactions();
        return producer;
    }

    /**
     * Like the shared producer of {@code DefaultKafkaProducerFactory}, it outlives the template's close after each
     * use; MockProducerFactory hands out the mock itself, which would otherwise be closed after the first send.
     */
    private static MockProducer<String, byte[]> producer(boolean autoComplete) {
        return new MockProducer<>(autoComplete, null, new StringSerializer(), new ByteArraySerializer()) {
            @Override
            public void close(Duration timeout) {}
        };
    }
}
