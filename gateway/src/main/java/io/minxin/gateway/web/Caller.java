package io.minxin.gateway.web;

import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import java.util.Set;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who is calling, once the API key checked out: kept on the exchange for the filters after authentication.
 *
 * @param keyId the key's public id
 * @param role the role that authorized this request
 * @param keyRoles every role of the key
 * @param scope how far the key may read
 */
public record Caller(String keyId, Role role, Set<Role> keyRoles, Scope scope) {
    private static final String ATTRIBUTE = Caller.class.getName();

    /**
     * Keeps this caller on the exchange, for {@link #of}, and as the contract's
     * {@link io.minxin.events.identity.Caller} (attribute named by its class), for the gateway's own APIs (the key
     * API audits who issued or revoked a key), which must not depend on this package.
     */
    public void attachTo(ServerWebExchange exchange) {
        exchange.getAttributes().put(ATTRIBUTE, this);
        exchange.getAttributes()
                .put(
                        io.minxin.events.identity.Caller.class.getName(),
                        new io.minxin.events.identity.Caller(keyId, role, scope));
    }

    /** The authenticated caller, or null on a public path. */
    public static Caller of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }
}
