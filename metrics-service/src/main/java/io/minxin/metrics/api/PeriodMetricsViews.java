package io.minxin.metrics.api;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.minxin.events.state.UnitMetrics;
import io.minxin.metrics.MetricsProperties;
import io.minxin.metrics.projection.MetricsStore;
import java.util.List;
import reactor.core.publisher.Mono;

/** A period's unit metrics as the read API serves them: read again at most once per ttl (see {@link MetricsProperties.Views}). */
final class PeriodMetricsViews {
    private static final int MAX_PERIODS = 240;

    private final MetricsStore store;
    /** Null when the ttl is zero: every request reads MongoDB. */
    private final AsyncLoadingCache<String, List<UnitMetrics>> views;

    PeriodMetricsViews(MetricsStore store, MetricsProperties.Views settings) {
        this.store = store;
        this.views = settings.ttl().isZero()
                ? null
                : Caffeine.newBuilder()
                        .refreshAfterWrite(settings.ttl())
                        .expireAfterWrite(settings.maxStale())
                        .maximumSize(MAX_PERIODS)
                        .buildAsync((period, executor) -> read(period).toFuture());
    }

    Mono<List<UnitMetrics>> of(String period) {
        return views == null ? read(period) : Mono.fromFuture(() -> views.get(period), true);
    }

    private Mono<List<UnitMetrics>> read(String period) {
        return store.unitMetrics(period).collectList();
    }
}
