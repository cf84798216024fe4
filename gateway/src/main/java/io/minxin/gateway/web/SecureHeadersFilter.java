package io.minxin.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Security headers on every response, proxied or the gateway's own (401/403/429, the key API, fallbacks) — a web
 * filter rather than Spring Cloud Gateway's SecureHeaders route filter, which only sees routed responses.
 * Downstream values are overwritten. No HSTS: the gateway speaks plain HTTP; TLS ends in front of it where the
 * header belongs.
 */
@Component
final class SecureHeadersFilter implements WebFilter, Ordered {
    private static final String API_PREFIX = "/api/";

    @Override
    public int getOrder() {
        return FilterOrder.SECURE_HEADERS;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        boolean api = exchange.getRequest().getPath().value().startsWith(API_PREFIX);
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            if (api) {
                // API answers are data about citizens' appeals and keys: never kept by browsers or proxies.
                headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
                headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
