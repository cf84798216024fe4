package io.minxin.gateway.keys;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Recent key look-ups, so an authenticated request does not cost a MongoDB round trip. Absent keys are remembered
 * too, so a client retrying with a bad key does not hit the store each time. A revocation on this instance takes
 * effect at once; on another gateway instance when {@link KeyChangeFollower} reads it (or, when Kafka is down, within
 * the time to live). Caffeine, bounded by entries; its upkeep
 * runs on the calling thread, a few map operations, rather than on a shared pool.
 */
final class KeyCache {
    /** A cached answer: {@code key} is null when the store had no such key. */
    record Lookup(ApiKey key) {}

    private final Cache<String, Lookup> entries;

    /** A time to live of zero (or less) caches nothing: Caffeine expires such entries as they are written. */
    KeyCache(Duration ttl, int maxEntries, LongSupplier nanoTime) {
        this.entries = Caffeine.newBuilder()
                .expireAfterWrite(ttl.isNegative() ? Duration.ZERO : ttl)
                .maximumSize(maxEntries)
                .ticker(nanoTime::getAsLong)
                .executor(Runnable::run)
                .build();
    }

    /** The cached answer for {@code id}, or null when there is none or it expired. */
    Lookup get(String id) {
        return entries.getIfPresent(id);
    }

    void put(String id, ApiKey keyOrNull) {
        entries.put(id, new Lookup(keyOrNull));
    }

    void invalidate(String id) {
        entries.invalidate(id);
    }

    /** Forgets every look-up (the key-change follower took up its position and may have missed changes before). */
    void invalidateAll() {
        entries.invalidateAll();
    }

    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
