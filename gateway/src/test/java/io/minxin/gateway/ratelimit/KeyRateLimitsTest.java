package io.minxin.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.identity.Role;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyRateLimitsTest {
    private final KeyRateLimits limits =
            new KeyRateLimits(new RateLimitSettings(Duration.ofHours(1), new RateLimitSettings.Permits(5, 2, 3)));

    @Test
    void keyGetsItsRolesPermitsThenAWait() {
        assertThat(limits.acquire("k1", Set.of(Role.DASHBOARD))).isEmpty();
        assertThat(limits.acquire("k1", Set.of(Role.DASHBOARD))).isEmpty();

        Optional<Duration> wait = limits.acquire("k1", Set.of(Role.DASHBOARD));

        assertThat(wait).isPresent();
        assertThat(wait.get()).isPositive().isLessThanOrEqualTo(Duration.ofHours(1));
    }

    @Test
    void eachKeyHasItsOwnLimit() {
        limits.acquire("k1", Set.of(Role.DASHBOARD));
        limits.acquire("k1", Set.of(Role.DASHBOARD));

        assertThat(limits.acquire("k2", Set.of(Role.DASHBOARD))).isEmpty();
    }

    @Test
    void keyWithSeveralRolesGetsTheMostGenerousRate() {
        Set<Role> roles = EnumSet.of(Role.DASHBOARD, Role.INTEGRATION);
        for (int i = 0; i < 5; i++) {
            assertThat(limits.acquire("k1", roles)).isEmpty();
        }

        assertThat(limits.acquire("k1", roles)).isPresent();
    }
}
