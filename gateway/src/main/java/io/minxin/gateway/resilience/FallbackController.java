package io.minxin.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.minxin.events.problem.Problem;
import io.minxin.gateway.web.Problems;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a route's circuit breaker forwards a failed call ({@code fallbackUri: forward:/fallback}): a 503 problem
 * saying which service failed and how. Reached only by forwarding; a client calling it directly is refused
 * before (no such API).
 */
@Hidden
@RestController
class FallbackController {
    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    @RequestMapping("/fallback")
    ResponseEntity<Problem> fallback(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String service = route == null ? "the service" : serviceOf(route);
        Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        String detail = service + " " + describe(failure);
        String path = Problems.instance(exchange);
        log.warn("{} {}: {} ({})", exchange.getRequest().getMethod(), path, detail, String.valueOf(failure));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.body(HttpStatus.SERVICE_UNAVAILABLE, detail, path));
    }

    /** Route ids are the service names; the docs routes are {@code <service>-docs}. */
    private static String serviceOf(Route route) {
        return route.getId().replaceFirst("-docs$", "");
    }

    private static String describe(Throwable failure) {
        if (failure instanceof CallNotPermittedException) {
            return "is failing: its circuit breaker is open";
        }
        if (failure instanceof io.github.resilience4j.bulkhead.BulkheadFullException) {
            return "is at its limit of concurrent calls";
        }
        if (isTimeout(failure)) {
            return "did not answer in time";
        }
        if (hasCause(failure, ConnectException.class)) {
            return "is not reachable";
        }
        return "is unavailable";
    }

    private static boolean isTimeout(Throwable failure) {
        if (hasCause(failure, TimeoutException.class)) {
            return true;
        }
        return failure instanceof ResponseStatusException status
                && status.getStatusCode() == HttpStatus.GATEWAY_TIMEOUT;
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
