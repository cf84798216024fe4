package io.minxin.notice.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook delivery.
 *
 * @param pollInterval how often the outbox is drained
 * @param timeout connect and response timeout of one HTTP call (also the circuit breaker's time limit)
 * @param batchSize entries of one subscription taken per drain
 * @param concurrency subscriptions served at the same time
 * @param retryAttempts calls per delivery attempt (resilience4j Retry), including the first
 * @param retryBackoff wait before the first retry; doubled for each further one
 * @param redeliveryBackoff wait before the next attempt after a failed one; doubled per failure
 * @param redeliveryBackoffMax the longest wait between attempts: a webhook back up is served within it
 * @param breakerFailureRate failure percentage that opens a subscription's circuit breaker
 * @param breakerWindow calls the failure rate is measured over (also the minimum before it can open)
 * @param breakerOpenFor how long an open breaker rejects calls before it lets one through
 * @param lease how long one instance holds a subscription's delivery lease
 */
@ConfigurationProperties("minxin.notice.delivery")
record DeliverySettings(
        @DefaultValue("PT1S") Duration pollInterval,
        @DefaultValue("PT10S") Duration timeout,
        @DefaultValue("100") int batchSize,
        @DefaultValue("4") int concurrency,
        @DefaultValue("3") int retryAttempts,
        @DefaultValue("PT0.5S") Duration retryBackoff,
        @DefaultValue("PT5S") Duration redeliveryBackoff,
        @DefaultValue("PT5M") Duration redeliveryBackoffMax,
        @DefaultValue("50") float breakerFailureRate,
        @DefaultValue("10") int breakerWindow,
        @DefaultValue("PT30S") Duration breakerOpenFor,
        @DefaultValue("PT1M") Duration lease) {

    /** The wait after the n-th failed attempt (n ≥ 1): redeliveryBackoff × 2^(n−1), at most the maximum. */
    Duration redeliveryAfter(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        Duration wait = redeliveryBackoff.multipliedBy(1L << doublings);
        return wait.compareTo(redeliveryBackoffMax) > 0 ? redeliveryBackoffMax : wait;
    }
}
