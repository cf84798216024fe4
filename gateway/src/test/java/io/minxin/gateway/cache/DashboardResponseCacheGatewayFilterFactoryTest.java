package io.minxin.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.factory.cache.LocalResponseCacheGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.cache.LocalResponseCacheGatewayFilterFactory.RouteCacheConfiguration;
import org.springframework.cloud.gateway.filter.factory.cache.LocalResponseCacheProperties;
import org.springframework.cloud.gateway.filter.factory.cache.ResponseCacheManagerFactory;
import org.springframework.cloud.gateway.filter.factory.cache.keygenerator.CacheKeyGenerator;
import org.springframework.core.Ordered;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Mono;

class DashboardResponseCacheGatewayFilterFactoryTest {
    private final DashboardResponseCacheGatewayFilterFactory factory =
            new DashboardResponseCacheGatewayFilterFactory(new LocalResponseCacheGatewayFilterFactory(
                    new ResponseCacheManagerFactory(new CacheKeyGenerator()),
                    Duration.ofMinutes(5),
                    DataSize.ofMegabytes(1),
                    new LocalResponseCacheProperties.RequestOptions()));

    @Test
    void cacheRunsBeforeTheFilterThatWritesTheResponseBody() {
        GatewayFilter filter = factory.apply(config(Duration.ofSeconds(1)));

        assertThat(filter).isInstanceOf(Ordered.class);
        assertThat(((Ordered) filter).getOrder()).isLessThan(NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER);
    }

    @Test
    void zeroTimeToLiveSendsEveryRequestOn() {
        GatewayFilter filter = factory.apply(config(Duration.ZERO));

        assertThat(forwardedOf(3, filter)).isEqualTo(3);
    }

    @Test
    void callerWithoutTheDashboardRoleReadsThrough() {
        GatewayFilter filter = factory.apply(config(Duration.ofMinutes(1)));

        // no caller on the exchange: a public path, or any role but dashboard
        assertThat(forwardedOf(2, filter)).isEqualTo(2);
    }

    /** Sends {@code requests} GETs of one query through {@code filter}; how many reached the rest of the chain. */
    private static int forwardedOf(int requests, GatewayFilter filter) {
        AtomicInteger forwarded = new AtomicInteger();
        GatewayFilterChain chain = exchange -> {
            forwarded.incrementAndGet();
            return Mono.empty();
        };
        for (int i = 0; i < requests; i++) {
            filter.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/overview")), chain)
                    .block();
        }
        return forwarded.get();
    }

    private static RouteCacheConfiguration config(Duration timeToLive) {
        RouteCacheConfiguration config = new RouteCacheConfiguration().setTimeToLive(timeToLive);
        config.setRouteId("metrics");
        return config;
    }
}
