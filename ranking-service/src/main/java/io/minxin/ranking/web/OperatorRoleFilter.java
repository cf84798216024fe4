package io.minxin.ranking.web;

import io.minxin.events.CallerHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Defence in depth behind the gateway, which authenticates the API key and passes its role in
 * {@code X-Minxin-Role}: a PUT or POST of the API without the {@code operator} role is refused with 403.
 */
@Component
class OperatorRoleFilter implements WebFilter {
    static final String ROLE_HEADER = CallerHeaders.ROLE;
    static final String OPERATOR = "operator";

    private final boolean required;

    OperatorRoleFilter(@Value("${minxin.ranking.require-operator-role:true}") boolean required) {
        this.required = required;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!required
                || !guarded(exchange)
                || isOperator(exchange.getRequest().getHeaders().getFirst(ROLE_HEADER))) {
            return chain.filter(exchange);
        }
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = ("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                        + "\"detail\":\"this route needs the operator role\"}")
                .getBytes(StandardCharsets.UTF_8);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    private static boolean guarded(ServerWebExchange exchange) {
        HttpMethod method = exchange.getRequest().getMethod();
        return (HttpMethod.PUT.equals(method) || HttpMethod.POST.equals(method))
                && exchange.getRequest().getPath().value().startsWith("/api/");
    }

    /** The gateway may pass several roles, comma separated. */
    static boolean isOperator(String header) {
        return header != null
                && Arrays.stream(header.split(",")).map(String::trim).anyMatch(OPERATOR::equalsIgnoreCase);
    }
}
