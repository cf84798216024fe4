package io.minxin.ranking.revision;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a current ranking, once read, answers further requests for the same period and channel. Dashboards poll
 * the same rankings many times a second; a write through this instance (a revision, a policy) is seen at once, the
 * live metrics and other instances' writes after at most {@code ttl}. Zero turns the cache off.
 *
 * @param ttl time a view is kept
 * @param maxViews how many (period, channel) views are kept at most
 */
@ConfigurationProperties("minxin.ranking.view-cache")
record ViewCacheSettings(Duration ttl, int maxViews) {
    ViewCacheSettings {
        ttl = ttl == null ? Duration.ofSeconds(1) : ttl;
        maxViews = maxViews <= 0 ? 1_000 : maxViews;
    }
}
