package io.minxin.ranking.web;

import io.minxin.events.CallerHeaders;
import java.util.Arrays;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
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
@EnableConfigurationProperties(OperatorRoleFilter.Settings.class)
class OperatorRoleFilter implements WebFilter {
    static final String ROLE_HEADER = CallerHeaders.ROLE;
    static final String OPERATOR = "operator";

    private final boolean required;

    /**
     * {@code minxin.ranking.operator.*}.
     *
     * @param requireRole whether a PUT or POST needs the operator role (off only for tests of the service alone)
     */
    @ConfigurationProperties("minxin.ranking.operator")
    record Settings(@DefaultValue("true") boolean requireRole) {}

    OperatorRoleFilter(Settings settings) {
        this.required = settings.requireRole();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!required
                || !guarded(exchange)
                || isOperator(exchange.getRequest().getHeaders().getFirst(ROLE_HEADER))) {
            return chain.filter(exchange);
        }
        return ProblemHandler.write(exchange, HttpStatus.FORBIDDEN, "this route needs the operator role");
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
