package io.minxin.intake.publish;

import static io.minxin.intake.TestEvents.accepted;
import static io.minxin.intake.TestEvents.login;
import static io.minxin.intake.TestEvents.visited;
import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.CaseEvent;
import io.minxin.events.EventJson;
import io.minxin.events.Topics;
import java.time.Duration;
import java.util.List;
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

    private KafkaEventPublisher publisher(Duration timeout) {
        return publisher(plainProducer, txProducer, timeout);
    }

    private KafkaEventPublisher publisher(
            MockProducer<String, byte[]> plain, MockProducer<String, byte[]> transactional, Duration timeout) {
        return new KafkaEventPublisher(
                new KafkaTemplate<>(new MockProducerFactory<>(() -> plain)),
                new KafkaTemplate<>(new MockProducerFactory<>((tx, id) -> transactional, "tx-")),
                scheduler,
                timeout);
    }

    private static MockProducer<String, byte[]> transactionalProducer() {
        MockProducer<String, byte[]> producer = producer(true);
        producer.initTransactions();
        return producer;
    }

    private static MockProducer<String, byte[]> producer(boolean autoComplete) {
        return new MockProducer<>(autoComplete, null, new StringSerializer(), new ByteArraySerializer());
    }
}
