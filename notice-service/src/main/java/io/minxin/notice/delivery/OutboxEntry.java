package io.minxin.notice.delivery;

import io.minxin.events.notice.Notice;
import java.time.Instant;

/**
 * One notice waiting for one subscription. Entries of a subscription are delivered in {@code seq} order, and
 * an entry leaves the outbox only after a 2xx answer.
 */
record OutboxEntry(String id, String subscriptionId, long seq, Notice notice, int attempts, Instant nextAttemptAt) {
    static String id(String noticeId, String subscriptionId) {
        return noticeId + "|" + subscriptionId;
    }
}
