package io.minxin.gateway.ratelimit;

import io.minxin.events.identity.Role;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code minxin.gateway.rate-limit.*}: how many requests a key may make per period, by role. A key with several
 * roles gets the most generous of them.
 *
 * @param period the refresh period of the permits
 * @param permits requests per period for each role
 */
@ConfigurationProperties("minxin.gateway.rate-limit")
record RateLimitSettings(
        @DefaultValue("1s") Duration period, @DefaultValue Permits permits) {
    /**
     * @param integration requests per period of a platform integration's key
     * @param dashboard requests per period of a dashboard's key
     * @param operator requests per period of an operator's key
     */
    record Permits(
            @DefaultValue("200") int integration,
            @DefaultValue("100") int dashboard,
            @DefaultValue("20") int operator) {
        int of(Role role) {
            return switch (role) {
                case INTEGRATION -> integration;
                case DASHBOARD -> dashboard;
                case OPERATOR -> operator;
            };
        }
    }
}
