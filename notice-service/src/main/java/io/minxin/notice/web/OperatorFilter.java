package io.minxin.notice.web;

import io.minxin.events.CallerHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Operator routes (subscriptions, issuing a bulletin) answer 403 unless the gateway marked the caller as an
 * operator with {@code X-Minxin-Role: operator}. The service is reachable only behind the gateway, which removes
 * the header from outside requests and sets it from the API key's role.
 */
@Component
class OperatorFilter implements WebFilter {
    static final String ROLE_HEADER = CallerHeaders.ROLE;
    static final String OPERATOR = "operator";

    private final OperatorSettings settings;

    OperatorFilter(OperatorSettings settings) {
        this.settings = settings;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!settings.requireRole() || !operatorRoute(request) || isOperator(request)) {
            return chain.filter(exchange);
        }
        return ProblemAdvice.write(exchange, HttpStatus.FORBIDDEN, "this route needs the operator role");
    }

    static boolean operatorRoute(ServerHttpRequest request) {
        String path = request.getPath().pathWithinApplication().value();
        return path.startsWith("/api/v1/subscriptions")
                || (request.getMethod() == HttpMethod.POST
                        && path.startsWith("/api/v1/bulletins/")
                        && path.endsWith("/issue"));
    }

    private static boolean isOperator(ServerHttpRequest request) {
        return OPERATOR.equalsIgnoreCase(request.getHeaders().getFirst(ROLE_HEADER));
    }
}
