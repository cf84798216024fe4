package io.minxin.intake.publish;

import io.minxin.events.CaseEvent;
import io.minxin.events.EventJson;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Publishes events to their topic ({@link CaseEvent#topic()}) keyed by {@link CaseEvent#key()}, the value being
 * the contract's JSON. Producer calls can block (metadata, initTransactions, commit), so they run on a bounded
 * scheduler of their own, never on a Netty event loop.
 */
final class KafkaEventPublisher implements EventPublisher {
    private final KafkaTemplate<String, byte[]> idempotent;
    private final KafkaTemplate<String, byte[]> transactional;
    private final Scheduler scheduler;
    private final Duration timeout;

    KafkaEventPublisher(
            KafkaTemplate<String, byte[]> idempotent,
            KafkaTemplate<String, byte[]> transactional,
            Scheduler scheduler,
            Duration timeout) {
        this.idempotent = idempotent;
        this.transactional = transactional;
        this.scheduler = scheduler;
        this.timeout = timeout;
    }

    @Override
    public Mono<Void> publish(CaseEvent event) {
        ProducerRecord<String, byte[]> record = record(event);
        return Mono.fromCallable(() -> idempotent.send(record))
                .subscribeOn(scheduler)
                .flatMap(Mono::fromFuture)
                .timeout(timeout)
                .onErrorMap(e -> failure("event " + event.id() + " was not acknowledged", e))
                .then();
    }

    @Override
    public Mono<Void> publishAtomically(List<CaseEvent> events) {
        List<ProducerRecord<String, byte[]>> records =
                events.stream().map(KafkaEventPublisher::record).toList();
        return Mono.fromCallable(() -> transactional.executeInTransaction(operations -> {
                    CompletableFuture<?>[] acks =
                            records.stream().map(operations::send).toArray(CompletableFuture<?>[]::new);
                    // a failed send throws here, inside the callback, so the transaction is aborted at once
                    // rather than left to the broker's transaction timeout (which holds back read_committed
                    // consumers of the partitions involved until then)
                    CompletableFuture.allOf(acks).join();
                    return records.size();
                }))
                .subscribeOn(scheduler)
                .timeout(timeout)
                .onErrorMap(e -> failure("the transaction of " + records.size() + " events was not committed", e))
                .then();
    }

    static ProducerRecord<String, byte[]> record(CaseEvent event) {
        return new ProducerRecord<>(event.topic(), event.key(), EventJson.toBytes(event));
    }

    private static PublishFailedException failure(String what, Throwable cause) {
        if (cause instanceof PublishFailedException) {
            return (PublishFailedException) cause;
        }
        String reason = cause instanceof TimeoutException
                ? "no acknowledgement within the publish timeout"
                : String.valueOf(rootCause(cause).getMessage());
        return new PublishFailedException(what + ": " + reason, cause);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
