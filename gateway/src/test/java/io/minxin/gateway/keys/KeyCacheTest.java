package io.minxin.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KeyCacheTest {
    private final AtomicLong now = new AtomicLong();
    private final KeyCache cache = new KeyCache(Duration.ofSeconds(30), 2, now::get);

    @Test
    void lookupIsReusedUntilItExpires() {
        ApiKey key = key("k1");
        cache.put("k1", key);

        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(cache.get("k1").key()).isEqualTo(key);

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(cache.get("k1")).isNull();
    }

    @Test
    void absentKeyIsRememberedAsAbsent() {
        cache.put("nope", null);

        assertThat(cache.get("nope")).isNotNull();
        assertThat(cache.get("nope").key()).isNull();
    }

    @Test
    void invalidatedLookupIsGone() {
        cache.put("k1", key("k1"));

        cache.invalidate("k1");

        assertThat(cache.get("k1")).isNull();
    }

    @Test
    void fullCacheKeepsNoMoreThanItsSize() {
        cache.put("k1", key("k1"));
        cache.put("k2", key("k2"));

        cache.put("k3", key("k3"));

        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void zeroTimeToLiveCachesNothing() {
        KeyCache off = new KeyCache(Duration.ZERO, 10, now::get);

        off.put("k1", key("k1"));

        assertThat(off.get("k1")).isNull();
    }

    private static ApiKey key(String id) {
        return new ApiKey(id, "test", Set.of(Role.DASHBOARD), Scope.ALL, "00", Instant.EPOCH, null, false);
    }
}
