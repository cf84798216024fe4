package io.minxin.gateway.keys;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code minxin.gateway.keys.*}: where keys (and people's accounts, package accounts) are kept and how long look-ups
 * are cached.
 *
 * @param store {@code mongo} (default) or {@code memory} (this process only: tests, benchmarks)
 * @param database the gateway's own MongoDB database
 * @param cacheTtl how long a look-up is reused; bounds how late another instance sees a revocation while Kafka is
 *     unavailable (else topic {@code api-key-changes} tells every instance within 2 s)
 * @param cacheSize the most look-ups kept
 */
@ConfigurationProperties("minxin.gateway.keys")
public record KeySettings(
        @DefaultValue("mongo") String store,
        @DefaultValue("minxin_gateway") String database,
        @DefaultValue("30s") Duration cacheTtl,
        @DefaultValue("10000") int cacheSize) {}
