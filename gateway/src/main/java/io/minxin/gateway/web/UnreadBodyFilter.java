package io.minxin.gateway.web;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Before the gateway answers a request whose body nobody read (a refusal: 401, 403, 404, 413, 429, 503 from a
 * filter), it reads that body to its end and drops it, so the connection is at a request boundary when the answer
 * goes out and the client may send its next request on it. A body larger than {@link #SWALLOW_LIMIT} (or of unknown
 * length) is not worth reading, as Tomcat's {@code maxSwallowSize} says; its answer carries {@code Connection:
 * close} so the client does not reuse the connection. (Requests that got no answer at all on a kept-alive connection
 * were Reactor Netty 1.3.6's server leaving a queued request unread, reactor-netty issues 4361 and 4347, fixed in
 * 1.3.8, which the root pom pins; GatewayAccessIT's queued-request test fails on 1.3.6.)
 */
@Component
final class UnreadBodyFilter implements WebFilter, Ordered {
    /** The largest body the gateway forwards (events): refusing anything up to it keeps the connection. */
    static final long SWALLOW_LIMIT = 10L * 1024 * 1024;

    @Override
    public int getOrder() {
        return FilterOrder.UNREAD_BODY;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        long length = headers.getContentLength();
        if (length <= 0 && !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        boolean swallow = length >= 0 && length <= SWALLOW_LIMIT;
        AtomicBoolean subscribed = new AtomicBoolean();
        ServerHttpRequest tracked = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().doOnSubscribe(subscription -> subscribed.set(true));
            }
        };
        ServerHttpResponse response = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                return afterUnread(() -> super.writeWith(body));
            }

            @Override
            public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
                return afterUnread(() -> super.writeAndFlushWith(body));
            }

            @Override
            public Mono<Void> setComplete() {
                return afterUnread(super::setComplete);
            }

            private Mono<Void> afterUnread(Supplier<Mono<Void>> answer) {
                return Mono.defer(this::unread).then(Mono.defer(answer));
            }

            private Mono<Void> unread() {
                if (subscribed.get()) {
                    return Mono.empty();
                }
                if (!swallow) {
                    getHeaders().set(HttpHeaders.CONNECTION, "close");
                    return Mono.empty();
                }
                subscribed.set(true);
                return request.getBody()
                        .doOnNext(DataBufferUtils.releaseConsumer())
                        .then()
                        .onErrorResume(e -> Mono.empty());
            }
        };
        return chain.filter(
                exchange.mutate().request(tracked).response(response).build());
    }
}
