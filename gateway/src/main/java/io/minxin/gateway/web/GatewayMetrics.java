package io.minxin.gateway.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.minxin.events.identity.Role;
import io.minxin.gateway.keys.Authentication;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The gateway's own counters: {@code minxin_gateway_auth_failures_total{reason}} and
 * {@code minxin_gateway_rate_limited_total{role}}. All series exist from the start, at zero, so dashboards and
 * alert rules see them before the first failure.
 */
@Component
public final class GatewayMetrics {
    /** Reason of a 403: a valid key whose roles do not allow the request. */
    public static final String FORBIDDEN = "forbidden";

    private final Map<Authentication.Failure, Counter> authFailures = new EnumMap<>(Authentication.Failure.class);
    private final Counter forbidden;
    private final Map<Role, Counter> rateLimited = new EnumMap<>(Role.class);

    GatewayMetrics(MeterRegistry registry) {
        for (Authentication.Failure failure : Authentication.Failure.values()) {
            authFailures.put(failure, authFailureCounter(registry, failure.tag()));
        }
        forbidden = authFailureCounter(registry, FORBIDDEN);
        for (Role role : Role.values()) {
            rateLimited.put(
                    role,
                    Counter.builder("minxin.gateway.rate.limited")
                            .description("Requests refused with 429 because their key used up its rate")
                            .tag("role", role.wireName())
                            .register(registry));
        }
    }

    private static Counter authFailureCounter(MeterRegistry registry, String reason) {
        return Counter.builder("minxin.gateway.auth.failures")
                .description("Requests refused with 401 (no valid key) or 403 (reason forbidden)")
                .tag("reason", reason)
                .register(registry);
    }

    public void authFailed(Authentication.Failure failure) {
        authFailures.get(failure).increment();
    }

    public void forbidden() {
        forbidden.increment();
    }

    public void rateLimited(Role role) {
        rateLimited.get(role).increment();
    }
}
