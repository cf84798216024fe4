package io.minxin.events.identity;

/**
 * The identity token the gateway signs for each call it forwards (a JWS, ES256, key id in the header), which
 * every service verifies instead of trusting the network. Sent as {@code Authorization: Bearer <token>}.
 *
 * <p>Claims: {@code iss} = {@link #ISSUER}; {@code sub} = the caller's key id; {@code aud} = the target service's
 * name (e.g. {@code ranking-service}); {@code iat}, {@code exp} (seconds, short-lived); {@link #ROLE} = the role's
 * wire name; {@link #SCOPE} = the scope's wire form.
 */
public final class CallerToken {
    public static final String ISSUER = "minxin-gateway";

    /** The role that authorized the call, e.g. {@code operator}. */
    public static final String ROLE = "minxin_role";

    /** The caller's scope, e.g. {@code all} or {@code unit:U0042}. */
    public static final String SCOPE = "minxin_scope";

    private CallerToken() {}
}
