package io.minxin.intake.publish;

import io.minxin.events.CaseEvent;
import io.minxin.events.EventJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;

/**
 * Publishes events to their topic ({@link CaseEvent#topic()}) keyed by {@link CaseEvent#key()}, the value being
 * the contract's JSON. Producer calls that can block (metadata, initTransactions, commit) run on a bounded
 * scheduler of their own, never on a Netty event loop.
 *
 * <p>A single event holds no thread while Kafka acknowledges it: its response completes from the producer's
 * callback, so thousands can be in flight and the producer batches them. Their number is bounded
 * ({@code maxInFlight}); beyond it a publication fails at once rather than queueing without limit. The send
 * itself runs on the caller's thread when {@link InlineSendGuard} says it cannot block there, otherwise on the
 * scheduler.
 */
final class KafkaEventPublisher implements EventPublisher {
    private static final long BUFFER_MEMORY_DEFAULT = 32 * 1024 * 1024L;
    private static final long METADATA_MAX_IDLE_MS_DEFAULT = 5 * 60 * 1000L;

    private final KafkaTemplate<String, byte[]> idempotent;
    private final KafkaTemplate<String, byte[]> transactional;
    private final Scheduler scheduler;
    private final Duration timeout;
    private final int maxInFlight;
    private final Semaphore inFlight;
    private final InlineSendGuard guard;

    KafkaEventPublisher(
            KafkaTemplate<String, byte[]> idempotent,
            KafkaTemplate<String, byte[]> transactional,
            Scheduler scheduler,
            Duration timeout,
            int maxInFlight) {
        this.idempotent = idempotent;
        this.transactional = transactional;
        this.scheduler = scheduler;
        this.timeout = timeout;
        this.maxInFlight = maxInFlight;
        this.inFlight = new Semaphore(maxInFlight);
        Map<String, Object> config = idempotent.getProducerFactory().getConfigurationProperties();
        this.guard = new InlineSendGuard(
                configured(config, ProducerConfig.BUFFER_MEMORY_CONFIG, BUFFER_MEMORY_DEFAULT),
                Duration.ofMillis(
                        configured(config, ProducerConfig.METADATA_MAX_IDLE_CONFIG, METADATA_MAX_IDLE_MS_DEFAULT)));
    }

    @Override
    public Mono<Void> publish(CaseEvent event) {
        return Mono.defer(() -> {
                    ProducerRecord<String, byte[]> record = record(event);
                    int bytes = record.value().length;
                    Mono<Void> sent = Mono.create(sink -> send(event.id(), record, bytes, sink));
                    return guard.nonBlocking(record.topic(), bytes) ? sent : sent.subscribeOn(scheduler);
                })
                .timeout(timeout)
                .onErrorMap(e -> failure("event " + event.id() + " was not acknowledged", e));
    }

    private void send(String eventId, ProducerRecord<String, byte[]> record, int bytes, MonoSink<Void> sink) {
        if (!inFlight.tryAcquire()) {
            sink.error(new PublishFailedException(
                    "event " + eventId + " was refused: " + maxInFlight + " events await Kafka's acknowledgement",
                    null));
            return;
        }
        Acknowledgement ack = new Acknowledgement(record.topic(), bytes, sink);
        guard.handedOver(bytes);
        try {
            idempotent.execute(producer -> producer.send(record, ack));
        } catch (RuntimeException e) {
            // thrown before the producer took the record, so no callback follows
            ack.onCompletion(null, e);
        }
    }

    /** Completes the response from the producer's callback and frees the in-flight slot exactly once. */
    private final class Acknowledgement implements Callback {
        private final String topic;
        private final int bytes;
        private final MonoSink<Void> sink;
        private final AtomicBoolean done = new AtomicBoolean();

        Acknowledgement(String topic, int bytes, MonoSink<Void> sink) {
            this.topic = topic;
            this.bytes = bytes;
            this.sink = sink;
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception exception) {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            guard.done(topic, bytes, exception != null);
            inFlight.release();
            if (exception == null) {
                sink.success();
            } else {
                sink.error(exception);
            }
        }
    }

    @Override
    public Mono<Void> publishAtomically(List<CaseEvent> events) {
        // serialized by the caller's (CPU) thread; the publish threads are for blocking producer calls
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(events.size());
        for (CaseEvent event : events) {
            records.add(record(event));
        }
        return Mono.fromCallable(() -> transactional.executeInTransaction(operations -> {
                    CompletableFuture<?>[] acks = new CompletableFuture<?>[records.size()];
                    for (int i = 0; i < acks.length; i++) {
                        acks[i] = operations.send(records.get(i));
                    }
                    // sent now rather than after linger.ms: nothing else joins this transaction
                    operations.flush();
                    // a failed send throws here, inside the callback, so the transaction is aborted at once
                    // rather than left to the broker's transaction timeout (which holds back read_committed
                    // consumers of the partitions involved until then)
                    CompletableFuture.allOf(acks).join();
                    return acks.length;
                }))
                .subscribeOn(scheduler)
                .timeout(timeout)
                .onErrorMap(e -> failure("the transaction of " + events.size() + " events was not committed", e))
                .then();
    }

    static ProducerRecord<String, byte[]> record(CaseEvent event) {
        return new ProducerRecord<>(event.topic(), event.key(), EventJson.toBytes(event));
    }

    private static long configured(Map<String, Object> config, String key, long kafkaDefault) {
        Object value = config.get(key);
        return value == null ? kafkaDefault : Long.parseLong(value.toString());
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
