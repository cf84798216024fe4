package io.minxin.notice.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import java.net.InetSocketAddress;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * Webhook delivery: the HTTP client (which connects to permitted addresses only), the circuit breakers (one per
 * subscription) and the outbox worker.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryConfig {
    private static final Logger log = LoggerFactory.getLogger(DeliveryConfig.class);

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

    /**
     * Unpooled, so that every delivery connects afresh and its address is checked again; no redirects followed
     * (a 3xx is a failed delivery), since a redirect could lead anywhere the subscription's URL may not.
     */
    static WebClient webhookClient(DeliverySettings settings, WebhookAddresses addresses) {
        return webhookClient(settings, addresses, defaultNameResolver());
    }

    static WebClient webhookClient(
            DeliverySettings settings, WebhookAddresses addresses, AddressResolverGroup<InetSocketAddress> names) {
        HttpClient http = HttpClient.newConnection()
                .resolver(new GuardedAddressResolverGroup(names, addresses))
                .followRedirect(false)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        settings.timeout().toMillis())
                .responseTimeout(settings.timeout());
        return WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(http))
                .build();
    }

    /** Reactor Netty's shared, non-blocking DNS resolver: what the client would use without the guard. */
    private static AddressResolverGroup<InetSocketAddress> defaultNameResolver() {
        if (HttpClient.create().configuration().defaultAddressResolverGroup() instanceof DnsAddressResolverGroup dns) {
            return dns;
        }
        throw new IllegalStateException("Reactor Netty's default resolver is not its DNS resolver");
    }

    @Bean
    WebhookAddresses webhookAddresses(WebhookNetworkSettings settings) {
        WebhookAddresses addresses = settings.addresses();
        if (!addresses.allowedNetworks().isEmpty()) {
            log.warn(
                    "Webhooks may reach these non-public networks (minxin.notice.webhooks.allowed-networks): {}",
                    addresses.allowedNetworks());
        }
        return addresses;
    }

    @Bean
    DeliveryWorker deliveryWorker(
            SubscriptionStore subscriptions,
            Outbox outbox,
            ReactiveResilience4JCircuitBreakerFactory breakers,
            DeliverySettings settings,
            MeterRegistry meters,
            Clock clock,
            WebhookAddresses addresses) {
        return new DeliveryWorker(
                subscriptions, outbox, breakers, webhookClient(settings, addresses), settings, meters, clock);
    }
}
