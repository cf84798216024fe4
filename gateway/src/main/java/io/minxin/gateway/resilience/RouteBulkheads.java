package io.minxin.gateway.resilience;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
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
@EnableConfigurationProperties(RouteBulkheads.Settings.class)
class RouteBulkheads {
    /**
     * {@code minxin.gateway.bulkhead.*}.
     *
     * @param maxConcurrentCalls calls one route may have in flight at once; more are answered 503 at once
     */
    @ConfigurationProperties("minxin.gateway.bulkhead")
    record Settings(@DefaultValue("512") int maxConcurrentCalls) {}

    @Bean
    Customizer<ReactiveResilience4jBulkheadProvider> routeBulkheadLimits(Settings settings) {
        return provider -> provider.configureDefault(id -> new Resilience4jBulkheadConfigurationBuilder()
                .bulkheadConfig(BulkheadConfig.custom()
                        .maxConcurrentCalls(settings.maxConcurrentCalls())
                        .maxWaitDuration(Duration.ZERO)
                        .build())
                .build());
    }
}
