package io.minxin.ranking.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.minxin.servicekit.audit.AuditTrail;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The audit trail of ranking-service (period close, revision publish, policy change): topic {@code audit} through
 * binding {@code audit-out-0}, which is synchronous with {@code acks=all} (application.yml), so a send returns
 * once the broker has the entry.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfig {
    static final String BINDING = "audit-out-0";

    @Bean
    AuditTrail auditTrail(StreamBridge bridge, Clock clock, MeterRegistry registry) {
        Counter unsent = Counter.builder("minxin.audit.unsent")
                .description("audit entries of succeeded actions that the broker did not take")
                .register(registry);
        return new AuditTrail(
                "ranking-service",
                clock,
                entry -> bridge.send(
                        BINDING,
                        MessageBuilder.withPayload(entry.toBytes())
                                .setHeader(KafkaHeaders.KEY, entry.key().getBytes(StandardCharsets.UTF_8))
                                .build()),
                unsent::increment);
    }
}
