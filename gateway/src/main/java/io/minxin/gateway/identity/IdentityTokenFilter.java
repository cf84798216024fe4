package io.minxin.gateway.identity;

import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import io.minxin.gateway.web.Caller;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Gives every forwarded call {@code Authorization: Bearer <token>}: the caller that {@code AuthenticationFilter}
 * checked, signed for the service the route leads to (the route's {@value #AUDIENCE} metadata, e.g.
 * {@code ranking-service}). Whatever the client sent as {@code Authorization} was removed before.
 *
 * <p>It runs last before the call leaves, after the route's filters: an answer from the dashboard cache needs no
 * token. A public path that is routed to a service (its OpenAPI document) is called as {@value #PUBLIC_SUBJECT},
 * role dashboard; no API key id can take that name, as key ids have no hyphen. The console's open paths go on
 * without a token.
 */
final class IdentityTokenFilter implements GlobalFilter, Ordered {
    /** The route metadata naming the service a route leads to: the audience of its tokens. */
    static final String AUDIENCE = "audience";

    static final String PUBLIC_SUBJECT = "gateway-public";

    /** Before the routing filters (lowest precedence), after every route filter. */
    static final int ORDER = Ordered.LOWEST_PRECEDENCE - 10;

    private final IdentityTokens tokens;

    IdentityTokenFilter(IdentityTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        // every route has an audience (GatewayAccessIT checks): without one the call goes on unsigned and the
        // service refuses it, which fails closed
        if (route == null || !(route.getMetadata().get(AUDIENCE) instanceof String audience)) {
            return chain.filter(exchange);
        }
        Caller caller = Caller.of(exchange);
        if (caller == null && RelayedTokens.CONSOLE.equals(audience)) {
            // the console's open paths (sign-in page, assets) are for a person not signed in: no identity at all,
            // so the console shows no one as signed in
            return chain.filter(exchange);
        }
        String token = caller == null
                ? tokens.mint(PUBLIC_SUBJECT, Role.DASHBOARD, Scope.ALL, audience)
                : tokens.mint(caller.keyId(), caller.role(), caller.scope(), audience);
        ServerHttpRequest request = exchange.getRequest()
                .mutate()
                .headers(headers -> headers.setBearerAuth(token))
                .build();
        return chain.filter(exchange.mutate().request(request).build());
    }
}
