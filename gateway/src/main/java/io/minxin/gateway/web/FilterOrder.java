package io.minxin.gateway.web;

import org.springframework.core.Ordered;

/**
 * Order of the gateway's web filters, which wrap everything (routes, the key API, actuator, docs). First the
 * watch on unread request bodies, so it sees every answer; security headers next so every response gets them;
 * then CORS (preflights need no key), then a console session, then the API key, then the rate limit of that key.
 */
public final class FilterOrder {
    public static final int UNREAD_BODY = Ordered.HIGHEST_PRECEDENCE + 5;
    public static final int SECURE_HEADERS = Ordered.HIGHEST_PRECEDENCE + 10;
    public static final int CORS = Ordered.HIGHEST_PRECEDENCE + 20;
    /** A console session or a relayed token names the person before the authentication filter checks them. */
    public static final int CONSOLE_SESSION = Ordered.HIGHEST_PRECEDENCE + 25;

    public static final int AUTHENTICATION = Ordered.HIGHEST_PRECEDENCE + 30;
    public static final int RATE_LIMIT = Ordered.HIGHEST_PRECEDENCE + 40;

    private FilterOrder() {}
}
