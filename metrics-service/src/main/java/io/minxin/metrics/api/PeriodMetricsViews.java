package io.minxin.metrics.api;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.minxin.events.state.UnitMetrics;
import io.minxin.metrics.MetricsProperties;
import io.minxin.metrics.projection.MetricsStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Mono;

/**
 * A period's unit metrics as the read API serves them, kept until they change: the projection gives a period a new
 * stamp after every batch that wrote its metrics ({@link MetricsStore#unitMetricsStamps}), and a period is read again
 * only when its stamp is not the one it was read under. The stamps of every period are one small read, done at most
 * once per ttl (see {@link MetricsProperties.Views}); so a 12-month range costs no read at all while nothing changed,
 * and the open month one read per change. Every instance reads the same stamps, so all answer the same numbers.
 */
final class PeriodMetricsViews {
    private static final int MAX_PERIODS = 240;
    /** The stamp of a period the projection has not written since stamps began (or never). */
    private static final String UNSTAMPED = "";

    private final MetricsStore store;
    /** The stamps as last read, one entry; null when the ttl is zero: every request reads them. */
    private final AsyncLoadingCache<Boolean, Map<String, String>> stamps;
    /** Each period's metrics with the stamp they were read under (a read in progress included). */
    private final Cache<String, Kept> kept;

    PeriodMetricsViews(MetricsStore store, MetricsProperties.Views settings) {
        this.store = store;
        this.kept = Caffeine.newBuilder().maximumSize(MAX_PERIODS).build();
        this.stamps = settings.ttl().isZero()
                ? null
                : Caffeine.newBuilder()
                        // after ttl the next request gets the stamps it finds and starts a fresh read, so a slow
                        // MongoDB does not hold up every poll; no stamps older than maxStale are ever used
                        .refreshAfterWrite(settings.ttl())
                        .expireAfterWrite(settings.maxStale())
                        .buildAsync((all, executor) -> store.unitMetricsStamps().toFuture());
    }

    Mono<List<UnitMetrics>> of(String period) {
        Mono<Map<String, String>> current =
                stamps == null ? store.unitMetricsStamps() : Mono.fromFuture(() -> stamps.get(Boolean.TRUE), true);
        // the stamps before the metrics: metrics read after them are at least as new, so none are kept under the
        // stamp of a change they do not contain
        return current.flatMap(all -> of(period, all.getOrDefault(period, UNSTAMPED)));
    }

    private Mono<List<UnitMetrics>> of(String period, String stamp) {
        Kept[] started = new Kept[1];
        Kept answer = kept.asMap().compute(period, (name, last) -> {
            if (last != null && last.stamp().equals(stamp) && !last.metrics().isCompletedExceptionally()) {
                return last;
            }
            started[0] = new Kept(stamp, new CompletableFuture<>());
            return started[0];
        });
        if (started[0] != null) {
            Kept reading = started[0];
            // requests that come while it runs share this read; a failed one is dropped so the next one reads again
            store.unitMetrics(period).collectList().subscribe(reading.metrics()::complete, error -> {
                kept.asMap().remove(period, reading);
                reading.metrics().completeExceptionally(error);
            });
        }
        return Mono.fromFuture(answer.metrics(), true);
    }

    private record Kept(String stamp, CompletableFuture<List<UnitMetrics>> metrics) {}
}
