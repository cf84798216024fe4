package io.minxin.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import io.minxin.gateway.web.Caller;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
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
    void dashboardCallersGetTheFirstAnswerAgain() {
        GatewayFilter filter = factory.apply(config(Duration.ofMinutes(1)));

        assertThat(forwardedOf(3, filter, Role.DASHBOARD)).isEqualTo(1);
    }

    @Test
    void zeroTimeToLiveSendsEveryRequestOn() {
        GatewayFilter filter = factory.apply(config(Duration.ZERO));

        assertThat(forwardedOf(3, filter, Role.DASHBOARD)).isEqualTo(3);
    }

    @Test
    void callerWithoutTheDashboardRoleReadsThrough() {
        GatewayFilter filter = factory.apply(config(Duration.ofMinutes(1)));

        assertThat(forwardedOf(2, filter, Role.OPERATOR)).isEqualTo(2);
        // no caller on the exchange: a public path
        assertThat(forwardedOf(2, filter, null)).isEqualTo(2);
    }

    /**
     * Sends {@code requests} GETs of one query through {@code filter} as a caller of {@code role} (none when null);
     * how many reached the rest of the chain, which answers each with a cacheable 200.
     */
    private static int forwardedOf(int requests, GatewayFilter filter, Role role) {
        AtomicInteger forwarded = new AtomicInteger();
        GatewayFilterChain chain = exchange -> {
            forwarded.incrementAndGet();
            ServerHttpResponse response = exchange.getResponse();
            response.setStatusCode(HttpStatus.OK);
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
            return response.writeWith(Mono.just(response.bufferFactory().wrap("{}".getBytes(StandardCharsets.UTF_8))));
        };
        for (int i = 0; i < requests; i++) {
            MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/overview"));
            if (role != null) {
                new Caller("k1", role, Set.of(role), Scope.ALL).attachTo(exchange);
            }
            filter.filter(exchange, chain).block();
        }
        return forwarded.get();
    }

    private static RouteCacheConfiguration config(Duration timeToLive) {
        RouteCacheConfiguration config = new RouteCacheConfiguration().setTimeToLive(timeToLive);
        config.setRouteId("metrics");
        return config;
    }
}
