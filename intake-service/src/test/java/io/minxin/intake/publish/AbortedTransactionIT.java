package io.minxin.intake.publish;

import static io.minxin.intake.TestEvents.accepted;
import static io.minxin.intake.TestEvents.concluded;
import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.CaseEvent;
import io.minxin.events.EventJson;
import io.minxin.intake.TopicReader;
import io.minxin.localstack.LocalStackEndpoints;
import io.minxin.localstack.LocalStackExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** A transaction that fails after some of its records reached the broker is invisible to read_committed. */
@ExtendWith(LocalStackExtension.class)
class AbortedTransactionIT {
    private final Scheduler scheduler = Schedulers.newBoundedElastic(2, 10, "it-publish");
    private DefaultKafkaProducerFactory<String, byte[]> plainFactory;
    private DefaultKafkaProducerFactory<String, byte[]> txFactory;

    @AfterEach
    void close() {
        scheduler.dispose();
        plainFactory.destroy();
        txFactory.destroy();
    }

    @Test
    void recordsWrittenBeforeTheFailureAreAbortedAndNeverCommitted(LocalStackEndpoints stack) {
        String caseId = "case-" + UUID.randomUUID();
        CaseEvent first = accepted("e1-" + caseId, caseId);
        CaseEvent second = concluded("e2-" + caseId, caseId);
        CaseEvent poison = accepted("poison-" + caseId, "poison-" + caseId);
        CaseEvent sentinel = concluded("sentinel-" + caseId, caseId);
        KafkaEventPublisher publisher = publisher(stack.bootstrapServers(), poison.key());

        StepVerifier.create(publisher.publishAtomically(List.of(first, second, poison)))
                .expectError(PublishFailedException.class)
                .verify(Duration.ofSeconds(30));
        StepVerifier.create(publisher.publishAtomically(List.of(sentinel))).verifyComplete();

        List<ConsumerRecord<String, byte[]>> uncommitted = TopicReader.readUntil(
                stack.bootstrapServers(), TopicReader.READ_UNCOMMITTED, List.of(caseId), r -> r.size() >= 3);
        List<ConsumerRecord<String, byte[]>> committed = TopicReader.readUntil(
                stack.bootstrapServers(), TopicReader.READ_COMMITTED, List.of(caseId), r -> !r.isEmpty());
        assertThat(uncommitted)
                .extracting(r -> EventJson.fromBytes(r.value()))
                .as("the first two reached the log before the transaction failed")
                .containsExactly(first, second, sentinel);
        assertThat(committed).extracting(r -> EventJson.fromBytes(r.value())).containsExactly(sentinel);
    }

    /** The real adapter, except that sending {@code poisonKey} first flushes what was sent, then fails. */
    private KafkaEventPublisher publisher(String bootstrapServers, String poisonKey) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                5000);
        plainFactory = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
        txFactory = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
        txFactory.setTransactionIdPrefix("aborted-it-" + UUID.randomUUID() + "-");
        KafkaTemplate<String, byte[]> failing = new KafkaTemplate<>(txFactory) {
            @Override
            public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
                if (poisonKey.equals(record.key())) {
                    flush();
                    throw new KafkaException("forced failure after the first sends");
                }
                return super.send(record);
            }
        };
        return new KafkaEventPublisher(
                new KafkaTemplate<>(plainFactory), failing, scheduler, Duration.ofSeconds(20), 100);
    }
}
