package io.minxin.events.identity;

import java.time.Instant;
import java.util.List;

/**
 * An API key as the gateway lists it ({@code GET /api/v1/keys}, {@code GET /api/v1/keys/{id}}), which the console
 * reads: never its secret or hash.
 *
 * @param roles the roles by their wire names ({@code integration}, {@code dashboard}, {@code operator})
 * @param scope {@code all}, {@code unit:<id>} or {@code jurisdiction:<id>}
 * @param createdAt when it was created (a bootstrap key: first stored)
 * @param revokedAt when an operator revoked it, or null while it is valid
 * @param bootstrap whether it came from the gateway's environment (its deployment) rather than the key API
 */
public record ApiKeyView(
        String id,
        String name,
        List<String> roles,
        String scope,
        Instant createdAt,
        Instant revokedAt,
        boolean bootstrap) {

    public ApiKeyView {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
