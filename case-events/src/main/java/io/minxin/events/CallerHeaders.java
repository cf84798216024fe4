package io.minxin.events;

/**
 * The headers in which the gateway tells a service who called: it authenticates the {@code X-Api-Key}, removes
 * these headers from what the client sent and sets them from the key, so a service behind the gateway may trust
 * them. The gateway sets them (its {@code AuthenticationFilter}); intake-service logs {@link #KEY_ID},
 * ranking-service and notice-service check {@link #ROLE} on their operator routes.
 *
 * <p>Issue "Zero trust" replaces them with a token the gateway signs, which a service verifies instead of trusting
 * the network.
 */
public final class CallerHeaders {
    /** The id of the API key that authenticated the call (never the key itself). */
    public static final String KEY_ID = "X-Minxin-Key-Id";

    /** The role that authorized the call: {@code operator}, {@code integration} or {@code dashboard}. */
    public static final String ROLE = "X-Minxin-Role";

    private CallerHeaders() {}
}
