package io.minxin.console.web;

/**
 * What the shared layout needs on every page: who is signed in, the session's CSRF token (the gateway sends it as
 * {@code X-Minxin-Csrf}; the sign-out form and every htmx request send it back) and the month the nav links to.
 */
public record PageFrame(Viewer viewer, String csrf, String period) {
    /** The header the gateway puts the session's CSRF token in. */
    public static final String CSRF_HEADER = "X-Minxin-Csrf";

    /** {@code hx-headers} of the page's body: every htmx request carries the token back. */
    public String htmxHeaders() {
        return "{\"X-CSRF-Token\": \"" + csrf.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }
}
