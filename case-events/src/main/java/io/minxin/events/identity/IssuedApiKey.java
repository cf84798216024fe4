package io.minxin.events.identity;

import java.time.Instant;
import java.util.List;

/**
 * An API key just issued, as the gateway answers {@code POST /api/v1/keys}: the only answer that ever carries
 * {@code key}, the full key, which cannot be read again.
 *
 * @param roles the roles by their wire names ({@code integration}, {@code dashboard}, {@code operator})
 * @param scope {@code all}, {@code unit:<id>} or {@code jurisdiction:<id>}
 */
public record IssuedApiKey(String id, String name, List<String> roles, String scope, Instant createdAt, String key) {

    public IssuedApiKey {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
