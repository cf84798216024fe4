package io.minxin.gateway.keys;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code minxin.gateway.keys.events.*}: how a key issued or revoked on one gateway instance reaches the others (topic
 * {@code api-key-changes}) and the audit trail (topic {@code audit}). The Kafka cluster and principal are the
 * services' own settings, {@code minxin.kafka.*}.
 *
 * @param enabled publish key changes and audit entries, and follow the other instances' changes; false only for
 *     tests and benchmarks without Kafka: a revocation then reaches other instances only when their look-up cache
 *     expires ({@code minxin.gateway.keys.cache-ttl}) and key actions are not audited
 * @param publishTimeout how long a key issue or revoke waits for Kafka to take its change and audit entry; past it
 *     the action stands (the key is stored or revoked) and the answer is 503 problem JSON saying so
 */
@ConfigurationProperties("minxin.gateway.keys.events")
record KeyEventSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5s") Duration publishTimeout) {}
