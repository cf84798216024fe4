package io.minxin.gateway.web;

import io.minxin.events.problem.Problem;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** RFC 9457 problem responses written by the gateway itself (filters and the fallback), not by a downstream. */
@Component
public final class Problems {
    private static final String REQUEST_PATH = Problems.class.getName() + ".requestPath";

    private final JsonMapper json;

    Problems(JsonMapper json) {
        this.json = json;
    }

    /** The problem document: {@code type} about:blank, so {@code title} is the status phrase. */
    public static Problem body(HttpStatus status, String detail, String instance) {
        return Problem.aboutBlank(status.value(), status.getReasonPhrase(), detail, instance);
    }

    /** Keeps the path the client asked for: a circuit breaker fallback is forwarded to another path. */
    static void rememberPath(ServerWebExchange exchange) {
        exchange.getAttributes()
                .putIfAbsent(REQUEST_PATH, exchange.getRequest().getPath().value());
    }

    /** The path the client asked for: the problem's {@code instance}. */
    public static String instance(ServerWebExchange exchange) {
        String path = exchange.getAttribute(REQUEST_PATH);
        return path == null ? exchange.getRequest().getPath().value() : path;
    }

    /** Ends the exchange with a problem response; set any extra headers on the response before calling. */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        byte[] bytes = json.writeValueAsBytes(body(status, detail, instance(exchange)));
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(bytes.length);
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }
}
