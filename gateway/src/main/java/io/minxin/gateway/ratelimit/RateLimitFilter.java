package io.minxin.gateway.ratelimit;

import io.minxin.gateway.web.Caller;
import io.minxin.gateway.web.FilterOrder;
import io.minxin.gateway.web.GatewayMetrics;
import io.minxin.gateway.web.Problems;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Refuses a key's request with 429 and {@code Retry-After} once the key used up its permits for the period. */
@Component
@EnableConfigurationProperties(RateLimitSettings.class)
final class RateLimitFilter implements WebFilter, Ordered {
    private final KeyRateLimits limits;
    private final Problems problems;
    private final GatewayMetrics metrics;

    RateLimitFilter(RateLimitSettings settings, Problems problems, GatewayMetrics metrics) {
        this.limits = new KeyRateLimits(settings);
        this.problems = problems;
        this.metrics = metrics;
    }

    @Override
    public int getOrder() {
        return FilterOrder.RATE_LIMIT;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Caller caller = Caller.of(exchange);
        if (caller == null) {
            return chain.filter(exchange);
        }
        Optional<Duration> wait = limits.acquire(caller.keyId(), caller.keyRoles());
        if (wait.isEmpty()) {
            return chain.filter(exchange);
        }
        metrics.rateLimited(caller.role());
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return problems.write(
                exchange,
                HttpStatus.TOO_MANY_REQUESTS,
                "This key made too many requests; retry after " + seconds + " s");
    }
}
