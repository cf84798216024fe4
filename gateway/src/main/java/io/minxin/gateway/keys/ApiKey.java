package io.minxin.gateway.keys;

import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A stored API key: everything but the key itself.
 *
 * @param id the public id, also the key's part after {@code mx_}
 * @param name what the key is for, chosen by the operator who created it
 * @param roles what the key may do (empty only for a stored key whose roles this version does not know)
 * @param scope how far its reading reaches ({@link Scope#ALL} for every key but a unit's or jurisdiction's dashboard;
 *     null is read as {@link Scope#ALL})
 * @param hash lower-case hex SHA-256 of the full key
 * @param createdAt when it was created (for a bootstrap key: first stored)
 * @param revokedAt when an operator revoked it, or null while it is valid
 * @param bootstrap whether it came from the gateway's environment rather than the key API
 */
public record ApiKey(
        String id,
        String name,
        Set<Role> roles,
        Scope scope,
        String hash,
        Instant createdAt,
        Instant revokedAt,
        boolean bootstrap) {
    public ApiKey {
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        scope = scope == null ? Scope.ALL : scope;
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    ApiKey revokedAt(Instant when) {
        return new ApiKey(id, name, roles, scope, hash, createdAt, when, bootstrap);
    }
}
