package io.minxin.intake.publish;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How intake talks to Kafka, beyond {@code spring.kafka.*}.
 *
 * @param transactionIdPrefix prefix of the transactional ids; must differ between running instances, or they
 *     fence each other's producers
 * @param timeout longest wait for an acknowledgement before answering 503; longer than the producer's own
 *     bounds, so that a failed publication has been aborted by the time the client hears of it
 * @param maxConcurrent batch publications (transactions) in flight at once; each holds one pooled producer
 * @param maxQueued batch publications waiting for a slot before new ones are refused with 503
 * @param maxInFlight single events handed to Kafka and not yet acknowledged; beyond it new ones are refused
 *     with 503 rather than queued without bound
 */
@Validated
@ConfigurationProperties("minxin.intake.publish")
record PublishProperties(
        @NotBlank String transactionIdPrefix,
        @DefaultValue("20s") @NotNull Duration timeout,
        @DefaultValue("8") @Min(1) int maxConcurrent,
        @DefaultValue("1000") @Min(1) int maxQueued,
        @DefaultValue("4096") @Min(1) int maxInFlight) {}
