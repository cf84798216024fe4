package io.minxin.gateway.ratelimit;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.minxin.events.identity.Role;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One resilience4j rate limiter per API key id, sized by the key's roles. Kept out of the resilience4j registry on
 * purpose: that would publish metrics per key id. Only authenticated keys get here, so the map is bounded by the
 * number of keys; the cap guards against an unforeseen flood.
 */
final class KeyRateLimits {
    private static final int MAX_LIMITERS = 100_000;

    private final RateLimitSettings settings;
    private final Map<String, AtomicRateLimiter> limiters = new ConcurrentHashMap<>();

    KeyRateLimits(RateLimitSettings settings) {
        this.settings = settings;
    }

    /** Takes a permit for the key; empty when granted, else how long until the next permit. */
    Optional<Duration> acquire(String keyId, Set<Role> keyRoles) {
        if (limiters.size() >= MAX_LIMITERS && !limiters.containsKey(keyId)) {
            limiters.clear();
        }
        AtomicRateLimiter limiter = limiters.computeIfAbsent(keyId, id -> newLimiter(id, keyRoles));
        if (limiter.acquirePermission()) {
            return Optional.empty();
        }
        return Optional.of(
                Duration.ofNanos(Math.max(0, limiter.getDetailedMetrics().getNanosToWait())));
    }

    private AtomicRateLimiter newLimiter(String keyId, Set<Role> keyRoles) {
        int permits = keyRoles.stream().mapToInt(settings.permits()::of).max().orElse(0);
        return new AtomicRateLimiter(
                "key-" + keyId,
                RateLimiterConfig.custom()
                        .limitForPeriod(Math.max(1, permits))
                        .limitRefreshPeriod(settings.period())
                        .timeoutDuration(Duration.ZERO)
                        .build());
    }
}
