package io.minxin.console.api;

import java.time.Instant;

/**
 * A person's console account as the gateway lists it ({@code GET /api/v1/accounts}), never with its password; the
 * answer to opening one ({@code POST}) carries the first {@code password}, that once.
 *
 * @param role operator or dashboard
 * @param scope {@code all} or {@code unit:<id>}
 * @param lockedUntil until when repeated failed sign-ins lock it, or null
 */
public record Account(
        String username, String role, String scope, Instant createdAt, Instant lockedUntil, String password) {

    /** Whether failed sign-ins lock it now. */
    public boolean locked() {
        return lockedUntil != null && lockedUntil.isAfter(Instant.now());
    }
}
