package io.minxin.notice.duty;

import java.time.Duration;
import java.time.Instant;

/**
 * How far the consumed log-ins have come.
 *
 * @param watermark the latest {@code occurredAt} of all log-ins consumed so far; null before the first
 * @param lastConsumedAt when (wall clock) the latest log-in was consumed; null before the first
 */
public record LoginProgress(Instant watermark, Instant lastConsumedAt) {
    public static final LoginProgress NONE = new LoginProgress(null, null);

    /** Whether log-ins that occurred up to {@code instant} have been seen. */
    boolean passed(Instant instant) {
        return watermark != null && !watermark.isBefore(instant);
    }

    /** No log-in was consumed during the last {@code period}. */
    boolean quiet(Instant now, Duration period) {
        return lastConsumedAt == null || !lastConsumedAt.plus(period).isAfter(now);
    }

    /**
     * The newest log-ins arrived within {@code lateness} of happening: the feed is live, not a replay of old log-ins
     * (which arrive years late). False before the first log-in, when nothing shows that the feed has started.
     */
    boolean live(Duration lateness) {
        return watermark != null && lastConsumedAt != null && !lastConsumedAt.isAfter(watermark.plus(lateness));
    }
}
