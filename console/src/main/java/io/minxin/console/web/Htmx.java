package io.minxin.console.web;

import org.springframework.web.server.ServerWebExchange;

/** The htmx request headers the console reads (WebFlux has no htmx support of its own). */
public final class Htmx {
    /** Set by htmx on every request it makes. */
    public static final String REQUEST = "HX-Request";
    /** A response header that makes htmx fire an event on the page. */
    public static final String TRIGGER = "HX-Trigger";
    /** A response header that makes htmx reload the whole page. */
    public static final String REFRESH = "HX-Refresh";

    public static boolean isHtmx(ServerWebExchange exchange) {
        return "true".equals(exchange.getRequest().getHeaders().getFirst(REQUEST));
    }

    private Htmx() {}
}
