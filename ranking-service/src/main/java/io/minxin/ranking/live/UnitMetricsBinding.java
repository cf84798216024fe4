package io.minxin.ranking.live;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.messaging.Message;
import org.springframework.util.backoff.FixedBackOff;

/** The functional consumer of {@code unit-metrics} (binding {@code unitMetrics-in-0}, batch mode). */
@Configuration(proxyBeanMethods = false)
class UnitMetricsBinding {
    /** While MongoDB is unreachable a batch is retried, never skipped: skipping would lose the latest counts. */
    private static final Duration RETRY_INTERVAL = Duration.ofSeconds(2);

    @Bean
    Consumer<Message<List<Object>>> unitMetrics(UnitMetricsIntake intake) {
        return intake::accept;
    }

    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> retryBatchesUntilStored() {
        return (container, destination, group) -> container.setCommonErrorHandler(
                new DefaultErrorHandler(new FixedBackOff(RETRY_INTERVAL.toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS)));
    }
}
