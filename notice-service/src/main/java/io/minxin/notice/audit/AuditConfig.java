package io.minxin.notice.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.minxin.events.audit.AuditEntry;
import io.minxin.notice.kafka.InboundRecords;
import io.minxin.servicekit.audit.AuditTrail;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import reactor.util.retry.Retry;

/**
 * The audit trail of notice-service (subscription create and delete, bulletin issue), written on topic
 * {@code audit} through binding {@code audit-out-0} (synchronous, {@code acks=all}: a send returns once the broker
 * has the entry); and the projection of that topic, every service's entries, into collection {@code audit}.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfig {
    static final String OUT = "audit-out-0";

    private final AuditLog log;

    AuditConfig(AuditLog log) {
        this.log = log;
    }

    @Bean
    AuditTrail auditTrail(StreamBridge bridge, Clock clock, MeterRegistry registry) {
        Counter unsent = Counter.builder("minxin.audit.unsent")
                .description("audit entries of succeeded actions that the broker did not take")
                .register(registry);
        return new AuditTrail("notice-service", clock, entry -> bridge.send(OUT, message(entry)), unsent::increment);
    }

    private static Message<byte[]> message(AuditEntry entry) {
        return MessageBuilder.withPayload(entry.toBytes())
                .setHeader(KafkaHeaders.KEY, entry.key().getBytes(StandardCharsets.UTF_8))
                .build();
    }

    /** Input binding {@code audit-in-0}. */
    @Bean
    Consumer<Message<byte[]>> audit() {
        // a Kafka listener thread: the offset must not advance before the entry is stored
        return message -> InboundRecords.read(message, AuditEntry.class)
                .ifPresent(entry -> log.save(entry).block(InboundRecords.STORE_TIMEOUT));
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        log.createIndexes()
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofMinutes(1)))
                .subscribe();
    }
}
