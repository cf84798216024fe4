package io.minxin.gateway.accounts;

import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import java.time.Instant;

/**
 * A person who signs in to the console: the same identity model as an API key (one role, one scope), with a password
 * kept as a bcrypt hash and the state of the lockout.
 *
 * @param username how the person signs in, and the subject of the identity tokens of their calls
 * @param failedSignIns consecutive failed sign-ins since the last success or lockout
 * @param lockedUntil when a lockout ends; null when not locked
 */
record Account(
        String username,
        Role role,
        Scope scope,
        String passwordHash,
        int failedSignIns,
        Instant lockedUntil,
        Instant createdAt,
        Instant passwordChangedAt) {

    boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
