package io.minxin.gateway.web;

import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import io.minxin.gateway.access.Access;
import io.minxin.gateway.access.RoutePermissions;
import io.minxin.gateway.keys.ApiKey;
import io.minxin.gateway.keys.ApiKeyService;
import io.minxin.gateway.keys.Authentication;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Checks the {@code X-Api-Key} of every non-public request against {@link RoutePermissions}. An allowed request
 * goes on without the key, with the checked {@link Caller} on the exchange, from which the gateway signs the
 * identity token a service verifies (package {@code identity}). Whatever a client sent as {@code Authorization},
 * and the unsigned identity headers of earlier versions, never reach a service.
 */
@Component
final class AuthenticationFilter implements WebFilter, Ordered {
    static final String API_KEY = "X-Api-Key";
    /**
     * Headers a client must not get past the gateway: the identity token's header, and the unsigned identity headers
     * the services trusted before the token (a service of that age behind a newer gateway must not be fooled).
     */
    static final List<String> CLIENT_IDENTITY_HEADERS =
            List.of(HttpHeaders.AUTHORIZATION, "X-Minxin-Key-Id", "X-Minxin-Role", API_KEY);

    /** The route family of the console's pages, which only a signed-in person's session reaches. */
    static final String CONSOLE = "console";

    /** Who called what: one line per allowed request, by key id (never the key). */
    private static final Logger access = LoggerFactory.getLogger("io.minxin.gateway.access");

    private final ApiKeyService keys;
    private final Problems problems;
    private final GatewayMetrics metrics;

    AuthenticationFilter(ApiKeyService keys, Problems problems, GatewayMetrics metrics) {
        this.keys = keys;
        this.problems = problems;
        this.metrics = metrics;
    }

    @Override
    public int getOrder() {
        return FilterOrder.AUTHENTICATION;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Problems.rememberPath(exchange);
        ServerHttpRequest request = exchange.getRequest();
        String method = request.getMethod().name();
        String path = request.getPath().value();
        Access decision = RoutePermissions.decide(method, path);
        if (decision.kind() == Access.Kind.MALFORMED) {
            return problems.write(exchange, HttpStatus.BAD_REQUEST, "The request path is not in canonical form");
        }
        if (decision.kind() == Access.Kind.PUBLIC) {
            return chain.filter(withoutClientIdentity(exchange));
        }
        Caller person = Caller.of(exchange);
        if (person != null) {
            // signed in to the console, or the console relaying the token of a person's page (accounts package)
            return authorize(exchange, chain, decision, person.keyId(), person.keyRoles(), person.scope(), "account");
        }
        if (decision.kind() == Access.Kind.PROTECTED && decision.family().equals(CONSOLE)) {
            // pages are for a person's session (the accounts package sends a browser without one to the sign-in
            // page before this filter); an API key does not open them
            return problems.write(
                    exchange,
                    HttpStatus.UNAUTHORIZED,
                    "Sign in to the console at /console/sign-in: pages need a session");
        }
        return keys.authenticate(request.getHeaders().getFirst(API_KEY)).flatMap(authentication -> {
            if (!authentication.succeeded()) {
                metrics.authFailed(authentication.failure());
                return refuse(exchange, authentication.failure());
            }
            ApiKey key = authentication.key();
            return authorize(exchange, chain, decision, key.id(), key.roles(), key.scope(), "key");
        });
    }

    /**
     * Lets caller {@code id} through when one of its {@code roles} may make the request, choosing that role;
     * {@code kind} says in the access log and the refusal whether a key or a person's account called.
     */
    private Mono<Void> authorize(
            ServerWebExchange exchange,
            WebFilterChain chain,
            Access decision,
            String id,
            Set<Role> roles,
            Scope scope,
            String kind) {
        ServerHttpRequest request = exchange.getRequest();
        if (decision.kind() == Access.Kind.NO_ROUTE) {
            return problems.write(exchange, HttpStatus.NOT_FOUND, "No API at this path");
        }
        Optional<Role> role = decision.authorizingRole(roles);
        if (role.isEmpty()) {
            metrics.forbidden();
            access.info(
                    "{} {} {}={} refused: roles {} may not", request.getMethod(), request.getPath(), kind, id, roles);
            return problems.write(
                    exchange,
                    HttpStatus.FORBIDDEN,
                    "This " + kind + " may not " + request.getMethod().name() + " " + decision.family()
                            + "; allowed roles: " + names(decision));
        }
        new Caller(id, role.get(), roles, scope).attachTo(exchange);
        access.info(
                "{} {} {}={} role={}",
                request.getMethod(),
                request.getPath(),
                kind,
                id,
                role.get().wireName());
        return chain.filter(withoutClientIdentity(exchange));
    }

    private Mono<Void> refuse(ServerWebExchange exchange, Authentication.Failure failure) {
        if (failure == Authentication.Failure.STORE_UNAVAILABLE) {
            return problems.write(
                    exchange, HttpStatus.SERVICE_UNAVAILABLE, "API keys cannot be checked right now; try again later");
        }
        // RFC 9110 asks a 401 to name a scheme; there is no registered one for API keys.
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + API_KEY + "\"");
        String detail = failure == Authentication.Failure.MISSING
                ? "An API key is required in the " + API_KEY + " header"
                : "The API key is not valid";
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, detail);
    }

    /** The request as it goes on: the key and any identity the client claimed removed. */
    private static ServerWebExchange withoutClientIdentity(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest()
                .mutate()
                .headers(headers -> CLIENT_IDENTITY_HEADERS.forEach(headers::remove))
                .build();
        return exchange.mutate().request(request).build();
    }

    private static String names(Access decision) {
        return decision.roles().isEmpty()
                ? "none"
                : decision.roles().stream().map(Role::wireName).collect(Collectors.joining(", "));
    }
}
