package io.minxin.gateway.keys;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Recent key look-ups, so an authenticated request does not cost a MongoDB round trip. Absent keys are remembered
 * too, so a client retrying with a bad key does not hit the store each time.
 *
 * <p>A plain bounded map rather than Caffeine (not on the classpath): there are few keys, and when the map is
 * full of live entries a look-up simply is not cached. A revocation on this instance takes effect at once; on
 * another gateway instance within the time to live.
 */
final class KeyCache {
    /** A cached answer: {@code key} is null when the store had no such key. */
    record Lookup(ApiKey key) {}

    private record Entry(Lookup lookup, long expiresAtNanos) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;

    KeyCache(Duration ttl, int maxEntries, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
    }

    /** The cached answer for {@code id}, or null when there is none or it expired. */
    Lookup get(String id) {
        Entry entry = entries.get(id);
        if (entry == null) {
            return null;
        }
        if (nanoTime.getAsLong() - entry.expiresAtNanos() >= 0) {
            entries.remove(id, entry);
            return null;
        }
        return entry.lookup();
    }

    void put(String id, ApiKey keyOrNull) {
        if (ttlNanos <= 0) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (entries.size() >= maxEntries && !entries.containsKey(id)) {
            entries.values().removeIf(entry -> now - entry.expiresAtNanos() >= 0);
            if (entries.size() >= maxEntries) {
                return;
            }
        }
        entries.put(id, new Entry(new Lookup(keyOrNull), now + ttlNanos));
    }

    void invalidate(String id) {
        entries.remove(id);
    }

    int size() {
        return entries.size();
    }
}
