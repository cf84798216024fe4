package io.minxin.ranking.revision;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a current ranking, once read, answers further requests for the same period and channel. Dashboards poll
 * the same rankings many times a second; a write through this instance (a revision, a policy) is seen at once, the
 * live metrics and other instances' writes after about {@code ttl}: the first request after it gets the view as
 * it was and starts a fresh read, so polls never wait for a slow database, and no view older than {@code maxStale}
 * is served. A zero ttl turns the cache off. A refresh of a live view whose inputs did not change (the same policy
 * and the same unit-metrics stamp, see {@link RankingViews}) reads those two and answers the ranking it has: the
 * period is ranked again only after a change.
 *
 * @param ttl time after which a view is read again
 * @param maxStale age at which a view is dropped and the next request waits for a fresh read
 * @param maxViews how many (period, channel) views are kept at most
 */
@ConfigurationProperties("minxin.ranking.view-cache")
record ViewCacheSettings(
        @DefaultValue("1s") Duration ttl,
        @DefaultValue("30s") Duration maxStale,
        @DefaultValue("1000") int maxViews) {
    ViewCacheSettings {
        // a view must outlive its refresh
        maxStale = maxStale.compareTo(ttl) <= 0 ? ttl.multipliedBy(30) : maxStale;
    }
}
