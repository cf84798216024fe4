package io.minxin.gateway.keys;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.minxin.events.Topics;
import io.minxin.events.audit.AuditEntry;
import io.minxin.events.identity.ApiKeyChange;
import io.minxin.gateway.audit.AuditTrail;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Puts a key change on {@code api-key-changes} and its audit entry on {@code audit} ({@code acks=all}, idempotent),
 * waiting for both acknowledgements before the change is answered. An audit entry Kafka did not take is logged in
 * full at ERROR (it names no secret) so that it can be re-sent by hand, and {@code minxin.audit.unsent} counts it,
 * as in every service that audits.
 */
final class KafkaKeyEvents implements KeyEvents, AuditTrail, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KafkaKeyEvents.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final Producer<String, byte[]> producer;
    private final Duration timeout;
    private final Counter auditUnsent;
    private final Counter changesUnsent;

    KafkaKeyEvents(Producer<String, byte[]> producer, Duration timeout, MeterRegistry registry) {
        this.producer = producer;
        this.timeout = timeout;
        this.auditUnsent = Counter.builder("minxin.audit.unsent")
                .description("audit entries of succeeded actions that the broker did not take")
                .register(registry);
        this.changesUnsent = Counter.builder("minxin.gateway.key.changes.unsent")
                .description("API key changes made here that the other gateway instances were not told of")
                .register(registry);
    }

    @Override
    public Mono<Void> announce(ApiKeyChange change, AuditEntry audit) {
        Mono<Void> changeSent = send(Topics.API_KEY_CHANGES, change.keyId(), change.toBytes())
                .doOnError(e -> changesUnsent.increment());
        Mono<Void> auditSent = audit == null ? Mono.empty() : record(audit);
        return Mono.when(changeSent, auditSent)
                .onErrorMap(e -> new NotAnnouncedException(change, e))
                .doOnError(e -> log.warn("{}", e.getMessage()));
    }

    @Override
    public Mono<Void> record(AuditEntry audit) {
        return send(Topics.AUDIT, audit.key(), audit.toBytes()).doOnError(e -> {
            auditUnsent.increment();
            log.error(
                    "Audit entry not written, the action it records was done: {}",
                    new String(audit.toBytes(), StandardCharsets.UTF_8),
                    e);
        });
    }

    /** Gives records still in flight a moment to go out, then lets go of the connections. */
    @Override
    public void close() {
        producer.close(CLOSE_WAIT);
    }

    private Mono<Void> send(String topic, String key, byte[] value) {
        return Mono.<Void>create(sink -> producer.send(new ProducerRecord<>(topic, key, value), (metadata, e) -> {
                    if (e == null) {
                        sink.success();
                    } else {
                        sink.error(e);
                    }
                }))
                // send() waits for the topic's metadata (up to max.block.ms) before it hands the record over: never
                // on an event loop
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(timeout);
    }
}
