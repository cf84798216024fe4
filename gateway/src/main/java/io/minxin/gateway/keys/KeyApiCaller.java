package io.minxin.gateway.keys;

import io.minxin.events.identity.Caller;
import io.minxin.gateway.access.RoutePermissions;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Who is calling the key API, for the audit trail. The authentication filter (package {@code web}, which depends on
 * this package, not the other way round) removes {@code X-Api-Key} from the request once it has checked it; this
 * filter runs just before it and keeps the header on the exchange of a key API request, and {@link #of} checks it
 * again (a look-up cache hit) to name the key, the role that authorized the call and the key's scope.
 */
final class KeyApiCaller implements WebFilter, Ordered {
    /** Just before web.FilterOrder.AUTHENTICATION (HIGHEST_PRECEDENCE + 30), after CORS (+ 20). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 25;

    private static final String API_KEY = "X-Api-Key";
    private static final String PATH = "/api/v1/keys";
    private static final String ATTRIBUTE = KeyApiCaller.class.getName();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        String key = exchange.getRequest().getHeaders().getFirst(API_KEY);
        if (key != null && (path.equals(PATH) || path.startsWith(PATH + "/"))) {
            exchange.getAttributes().put(ATTRIBUTE, key);
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    /**
     * The caller of a key API request that the authentication filter let through; empty when there is none (a
     * request that did not come through the web filters, or a key revoked between the two checks).
     */
    static Mono<Caller> of(ServerWebExchange exchange, ApiKeyService keys) {
        String header = exchange.getAttribute(ATTRIBUTE);
        if (header == null) {
            return Mono.empty();
        }
        ServerHttpRequest request = exchange.getRequest();
        return keys.authenticate(header).filter(Authentication::succeeded).flatMap(authentication -> {
            ApiKey key = authentication.key();
            return Mono.justOrEmpty(RoutePermissions.decide(
                                    request.getMethod().name(), request.getURI().getRawPath())
                            .authorizingRole(key.roles()))
                    .map(role -> new Caller(key.id(), role, key.scope()));
        });
    }
}
