package io.minxin.servicekit.identity;

import io.minxin.events.identity.Caller;
import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Gives a controller method its verified caller as a parameter {@code Caller caller}. Registered in every service
 * by {@link IdentityAutoConfiguration}; a test that binds a controller alone adds it itself.
 */
public final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Mono<Object> resolveArgument(
            MethodParameter parameter, BindingContext bindingContext, ServerWebExchange exchange) {
        // Only a route the security chain let through without a token has no caller: a controller asking for one
        // there is a mistake of the route rules, not of the client.
        return CallerContext.current()
                .cast(Object.class)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("no verified caller for "
                        + exchange.getRequest().getPath().value())));
    }
}
