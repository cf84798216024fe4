package io.minxin.notice.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import java.time.Clock;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/** Webhook delivery: the HTTP client, the circuit breakers (one per subscription) and the outbox worker. */
@Configuration(proxyBeanMethods = false)
class DeliveryConfig {

    /** Every breaker the factory creates (named {@code webhook-<subscriptionId>}) gets these settings. */
    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> webhookBreakers(DeliverySettings settings) {
        return factory -> factory.configureDefault(id -> breakerConfig(id, settings));
    }

    static Resilience4JConfigBuilder.Resilience4JCircuitBreakerConfiguration breakerConfig(
            String id, DeliverySettings settings) {
        return new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .failureRateThreshold(settings.breakerFailureRate())
                        .slidingWindowSize(settings.breakerWindow())
                        .minimumNumberOfCalls(settings.breakerWindow())
                        .waitDurationInOpenState(settings.breakerOpenFor())
                        .permittedNumberOfCallsInHalfOpenState(1)
                        .build())
                // The HTTP client times out first; the time limiter only backs it up.
                .timeLimiterConfig(TimeLimiterConfig.custom()
                        .timeoutDuration(settings.timeout().plus(settings.timeout()))
                        .build())
                .build();
    }

    static WebClient webhookClient(DeliverySettings settings) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        settings.timeout().toMillis())
                .responseTimeout(settings.timeout());
        return WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(http))
                .build();
    }

    @Bean
    DeliveryWorker deliveryWorker(
            SubscriptionStore subscriptions,
            Outbox outbox,
            ReactiveResilience4JCircuitBreakerFactory breakers,
            DeliverySettings settings,
            MeterRegistry meters,
            Clock clock) {
        return new DeliveryWorker(subscriptions, outbox, breakers, webhookClient(settings), settings, meters, clock);
    }
}
