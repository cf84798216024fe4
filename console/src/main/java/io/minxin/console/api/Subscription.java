package io.minxin.console.api;

import java.time.Instant;
import java.util.List;

/**
 * A webhook subscription as notice-service lists it ({@code GET /api/v1/subscriptions}): its URL's query (a robot's
 * key) masked; the answer to creating one carries its {@code secret}, that once.
 *
 * @param kind GENERIC, WECOM or DINGTALK
 * @param types the notice types it receives; empty: all
 * @param signed whether deliveries are signed with a secret
 */
public record Subscription(
        String id,
        String name,
        String kind,
        String url,
        List<String> types,
        boolean signed,
        String secret,
        Instant createdAt) {

    public Subscription {
        types = types == null ? List.of() : List.copyOf(types);
    }
}
