package io.minxin.gateway.access;

import io.minxin.events.identity.Role;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What the permission table says about one request.
 *
 * @param kind whether the path is public, protected by roles, unknown, or refused as malformed
 * @param family the route family of a protected path (e.g. {@code rankings}), else null
 * @param roles the roles that may use this method on this family; empty when no role may
 */
public record Access(Kind kind, String family, Set<Role> roles) {
    public enum Kind {
        PUBLIC,
        PROTECTED,
        NO_ROUTE,
        MALFORMED
    }

    public Access {
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    static Access publicPath() {
        return new Access(Kind.PUBLIC, null, Set.of());
    }

    static Access noRoute() {
        return new Access(Kind.NO_ROUTE, null, Set.of());
    }

    static Access malformed() {
        return new Access(Kind.MALFORMED, null, Set.of());
    }

    /** The least privileged of the caller's roles that this request allows, if any. */
    public Optional<Role> authorizingRole(Set<Role> callerRoles) {
        for (Role role : Role.values()) {
            if (callerRoles.contains(role) && roles.contains(role)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
