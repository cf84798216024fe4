package io.minxin.notice.decisions;

import io.minxin.events.decision.Decision;
import io.minxin.notice.kafka.InboundRecords;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Topic {@code decisions} → every {@link DecisionProjection}, each decision applied idempotently. */
@Configuration(proxyBeanMethods = false)
class DecisionsConfig {
    /** Input binding {@code decisions-in-0}; a failure is retried by the binder, the offset waits for it. */
    @Bean
    Consumer<Message<byte[]>> decisions(DecisionLog log) {
        // a Kafka listener thread: the offset must not advance before every projection stored the decision
        return message -> InboundRecords.read(message, Decision.class)
                .ifPresent(decision -> log.apply(decision).block(InboundRecords.STORE_TIMEOUT));
    }
}
