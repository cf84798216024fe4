package io.minxin.gateway.keys;

import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import java.util.Set;

/**
 * Which scopes a key may have. A unit or jurisdiction scope narrows what a key reads; only the services' read paths
 * know how to narrow, and only dashboards do nothing but read. Operators and integrations stay city-wide until
 * jurisdictions (issue 18) say what a district operator may change and which events a district platform may send.
 */
public final class KeyScopes {
    /** Why {@code scope} is not allowed for a key with {@code roles}, or null when it is. */
    public static String refusal(Set<Role> roles, Scope scope) {
        if (scope == null || scope.isAll() || roles.equals(Set.of(Role.DASHBOARD))) {
            return null;
        }
        return "a unit or jurisdiction scope is only for keys whose only role is dashboard;"
                + " operator and integration keys are city-wide (all)";
    }

    private KeyScopes() {}
}
