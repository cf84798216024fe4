package io.minxin.intake.events;

import io.minxin.intake.publish.EventPublisher;
import java.nio.charset.Charset;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Reads a body, refuses it whole when any item is bad, otherwise publishes it and counts the outcome. */
@Service
class EventIntake {
    private static final Logger log = LoggerFactory.getLogger(EventIntake.class);

    private final EventBatchReader reader;
    private final EventPublisher publisher;
    private final IntakeMetrics metrics;

    EventIntake(EventBatchReader reader, EventPublisher publisher, IntakeMetrics metrics) {
        this.reader = reader;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    Mono<Receipt> acceptEvent(byte[] body, String keyId) {
        return acceptOne(() -> reader.readEvent(body), keyId);
    }

    /** One event in binary content mode: attributes from the headers, the body its data. */
    Mono<Receipt> acceptBinaryEvent(CloudEventHeaders.Attributes attributes, byte[] data, String keyId) {
        return acceptOne(() -> reader.readBinaryEvent(attributes, data), keyId);
    }

    Mono<Receipt> acceptBatch(BatchFormat format, byte[] body, Charset charset, String keyId) {
        return Mono.fromSupplier(() -> reader.readBatch(format, body, charset))
                // parsing megabytes is CPU work that must not hold a Netty event loop
                .subscribeOn(Schedulers.parallel())
                .doOnError(PayloadTooLargeException.class, e -> tooLarge(keyId, e))
                .flatMap(batch -> publish(batch, keyId, "batch", valid -> publisher.publishAtomically(valid.events())));
    }

    private Mono<Receipt> acceptOne(Supplier<IntakeBatch> read, String keyId) {
        return Mono.fromSupplier(read)
                .flatMap(batch -> publish(
                        batch,
                        keyId,
                        "single",
                        valid -> publisher.publish(valid.events().get(0))));
    }

    /** Counts a body refused for its size before it was read. */
    void tooLarge(String keyId, PayloadTooLargeException e) {
        metrics.rejected(List.of(EventLabels.UNREADABLE));
        log.info("Refused an oversized body from key {}: {}", keyId, e.getMessage());
    }

    /** Counts a body refused before it reached intake (unsupported media type). */
    void unsupported() {
        metrics.rejected(List.of(EventLabels.UNREADABLE));
    }

    private Mono<Receipt> publish(
            IntakeBatch batch, String keyId, String mode, Function<IntakeBatch, Mono<Void>> publication) {
        if (!batch.valid()) {
            metrics.rejected(batch.labels());
            log.info(
                    "Refused {} item(s) from key {}: {} violation(s)",
                    batch.labels().size(),
                    keyId,
                    batch.violations().size());
            return Mono.error(new InvalidEventsException(batch));
        }
        return metrics.timePublish(mode, Mono.defer(() -> publication.apply(batch)))
                .doOnSuccess(ignored -> {
                    metrics.accepted(batch.labels());
                    log.debug(
                            "Published {} event(s) from key {}", batch.events().size(), keyId);
                })
                .doOnError(e -> {
                    metrics.failed(batch.labels());
                    log.warn(
                            "Could not publish {} event(s) from key {}: {}",
                            batch.events().size(),
                            keyId,
                            e.getMessage());
                })
                .thenReturn(Receipt.of(batch));
    }
}
