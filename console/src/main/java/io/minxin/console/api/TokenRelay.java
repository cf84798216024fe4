package io.minxin.console.api;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Token relay: the {@code Authorization} header a console request came with (the gateway's identity token for the
 * person) goes with every API call made while serving it, so the console never holds more power than the person.
 * The filter puts it into the Reactor context; {@link #outgoing()} takes it from there.
 */
@Component
public class TokenRelay implements WebFilter {
    private static final String KEY = TokenRelay.class.getName();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization == null
                ? chain.filter(exchange)
                : chain.filter(exchange).contextWrite(context -> context.put(KEY, authorization));
    }

    /** Adds the relayed {@code Authorization} to an API call; a call outside a request goes without. */
    static ExchangeFilterFunction outgoing() {
        return (request, next) -> Mono.deferContextual(context -> next.exchange(context.<String>getOrEmpty(KEY)
                .map(token -> ClientRequest.from(request)
                        .headers(headers -> headers.set(HttpHeaders.AUTHORIZATION, token))
                        .build())
                .orElse(request)));
    }
}
