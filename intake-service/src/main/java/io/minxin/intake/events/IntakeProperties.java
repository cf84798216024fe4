package io.minxin.intake.events;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the HTTP intake.
 *
 * @param maxBatchEvents most events in one batch (one Kafka transaction)
 * @param maxBatchBytes largest batch body
 * @param maxEventBytes largest single-event body
 * @param maxNestingDepth deepest JSON nesting read from a body
 * @param maxClockSkew how far in the future an event's timestamps may be
 */
@Validated
@ConfigurationProperties("minxin.intake")
record IntakeProperties(
        @DefaultValue("10000") @Min(1) int maxBatchEvents,
        @DefaultValue("10MB") @NotNull DataSize maxBatchBytes,
        @DefaultValue("1MB") @NotNull DataSize maxEventBytes,
        @DefaultValue("32") @Min(4) @Max(1000) int maxNestingDepth,
        @DefaultValue("24h") @NotNull Duration maxClockSkew) {}
