package io.minxin.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowSynchronizationStrategy;
import io.github.resilience4j.common.circuitbreaker.configuration.CircuitBreakerConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The routes' circuit breakers record each call's outcome on the event loop that answered it. resilience4j's default
 * sliding window takes a {@code ReentrantLock} for that, and two event loops finishing calls of one route at the
 * same moment made one of them spin and park on it: a blocking call on an event loop (BlockHound failed such a
 * request into a 503 in {@code GatewayAccessIT}). The lock-free window (resilience4j 2.3) records with
 * compare-and-set instead. It is set on the {@code default} config of {@code resilience4j.circuitbreaker.configs},
 * which every route's breaker uses; the window's size and thresholds stay in application.yml.
 */
@Configuration(proxyBeanMethods = false)
class RouteBreakers {
    static final String DEFAULT_CONFIG = "default";

    @Bean
    CircuitBreakerConfigCustomizer lockFreeSlidingWindow() {
        return CircuitBreakerConfigCustomizer.of(
                DEFAULT_CONFIG,
                builder ->
                        builder.slidingWindowSynchronizationStrategy(SlidingWindowSynchronizationStrategy.LOCK_FREE));
    }
}
