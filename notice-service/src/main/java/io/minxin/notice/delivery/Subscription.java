package io.minxin.notice.delivery;

import io.minxin.events.notice.NoticeType;
import java.time.Instant;
import java.util.Set;

/**
 * A webhook that receives notices.
 *
 * @param types the notice types it receives; empty: all
 * @param secret HMAC key of a generic webhook, or the 加签 secret of a DingTalk robot; null when none
 */
record Subscription(
        String id, String name, WebhookKind kind, String url, String secret, Set<NoticeType> types, Instant createdAt) {
    Subscription {
        types = types == null ? Set.of() : Set.copyOf(types);
    }

    boolean accepts(NoticeType type) {
        return types.isEmpty() || types.contains(type);
    }

    /** The circuit breaker (and retry) of this subscription. */
    String breakerName() {
        return "webhook-" + id;
    }
}
