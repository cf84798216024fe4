package io.minxin.gateway.keys;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code minxin.gateway.keys.*}: where keys are kept and how long look-ups are cached.
 *
 * @param store {@code mongo} (default) or {@code memory} (this process only: tests, benchmarks)
 * @param database the gateway's own MongoDB database
 * @param cacheTtl how long a look-up is reused; bounds how late another instance sees a revocation
 * @param cacheSize the most look-ups kept
 */
@ConfigurationProperties("minxin.gateway.keys")
record KeySettings(String store, String database, Duration cacheTtl, int cacheSize) {
    KeySettings {
        store = store == null ? "mongo" : store;
        database = database == null ? "minxin_gateway" : database;
        cacheTtl = cacheTtl == null ? Duration.ofSeconds(30) : cacheTtl;
        cacheSize = cacheSize <= 0 ? 10_000 : cacheSize;
    }
}
