package io.minxin.gateway.resilience;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4jBulkheadProvider;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4jBulkheadConfigurationBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The circuit-breaker starter wraps every route in a resilience4j bulkhead whose default allows 25
 * concurrent calls: a dashboard burst of a few hundred requests per second would be answered 503 while the
 * service is healthy. Each route gets a limit sized for the load it is meant to carry instead.
 */
@Configuration(proxyBeanMethods = false)
class RouteBulkheads {
    @Bean
    Customizer<ReactiveResilience4jBulkheadProvider> routeBulkheadLimits(
            @Value("${minxin.gateway.max-concurrent-calls-per-route:512}") int maxConcurrentCalls) {
        return provider -> provider.configureDefault(id -> new Resilience4jBulkheadConfigurationBuilder()
                .bulkheadConfig(BulkheadConfig.custom()
                        .maxConcurrentCalls(maxConcurrentCalls)
                        .maxWaitDuration(Duration.ZERO)
                        .build())
                .build());
    }
}
