package io.minxin.console.api;

import java.time.Instant;
import java.util.List;

/**
 * An API key as the gateway lists it ({@code GET /api/v1/keys}), never with its secret; the answer to issuing one
 * ({@code POST}) carries {@code key}, the full key, that once.
 *
 * @param roles integration, dashboard, operator
 * @param scope {@code all}, {@code unit:<id>} or {@code jurisdiction:<id>}
 * @param bootstrap whether it came from the gateway's environment rather than this API (absent from the answer to
 *     issuing one)
 * @param key the full key, only in the answer to issuing it
 */
public record ApiKey(
        String id,
        String name,
        List<String> roles,
        String scope,
        Instant createdAt,
        Instant revokedAt,
        Boolean bootstrap,
        String key) {

    public ApiKey {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** Whether it came from the gateway's environment (its deployment) rather than this API. */
    public boolean fromDeployment() {
        return Boolean.TRUE.equals(bootstrap);
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
