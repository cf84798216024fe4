package io.minxin.gateway.ratelimit;

import io.minxin.gateway.access.Role;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code minxin.gateway.rate-limit.*}: how many requests a key may make per period, by role. A key with several
 * roles gets the most generous of them.
 *
 * @param period the refresh period of the permits (default one second)
 * @param permits requests per period for each role
 */
@ConfigurationProperties("minxin.gateway.rate-limit")
record RateLimitSettings(Duration period, Permits permits) {
    record Permits(int integration, int dashboard, int operator) {
        int of(Role role) {
            return switch (role) {
                case INTEGRATION -> integration;
                case DASHBOARD -> dashboard;
                case OPERATOR -> operator;
            };
        }
    }

    RateLimitSettings {
        period = period == null ? Duration.ofSeconds(1) : period;
        permits = permits == null ? new Permits(200, 100, 20) : permits;
    }
}
