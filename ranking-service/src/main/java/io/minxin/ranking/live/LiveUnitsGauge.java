package io.minxin.ranking.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.minxin.events.Channel;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.util.retry.Retry;

/**
 * {@code minxin_ranking_live_units{channel}}: how many units the live ranking of the latest period has in each
 * channel (the latest period being the greatest period name with metrics).
 */
@Component
class LiveUnitsGauge {
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(10);

    private final LiveMetricsStore store;
    private final AtomicReference<String> latestPeriod = new AtomicReference<>();
    private final Map<Channel, AtomicLong> units = new EnumMap<>(Channel.class);

    LiveUnitsGauge(LiveMetricsStore store, MeterRegistry registry) {
        this.store = store;
        for (Channel channel : Channel.values()) {
            AtomicLong count = new AtomicLong();
            units.put(channel, count);
            Gauge.builder("minxin.ranking.live.units", count, AtomicLong::get)
                    .description("units in the live ranking of the latest period")
                    .tag("channel", channel.name())
                    .register(registry);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        store.createIndexes()
                .then(store.latestPeriod())
                .flatMapMany(period -> {
                    latestPeriod.compareAndSet(null, period);
                    return Flux.fromArray(Channel.values())
                            .flatMap(channel -> store.count(period, channel)
                                    .doOnNext(count -> units.get(channel).set(count)));
                })
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofMinutes(1)))
                .subscribe();
    }

    /** Recounts the latest period when a batch changed it or brought a newer one. */
    void refresh(Set<PeriodChannel> changed) {
        String before = latestPeriod.get();
        String latest = before;
        for (PeriodChannel each : changed) {
            if (latest == null || each.period().compareTo(latest) > 0) {
                latest = each.period();
            }
        }
        latestPeriod.set(latest);
        String current = latest;
        boolean affected = !current.equals(before)
                || changed.stream().anyMatch(each -> each.period().equals(current));
        if (affected) {
            for (Channel channel : Channel.values()) {
                // the unit-metrics Kafka listener thread (UnitMetricsIntake), once the batch is stored
                Long count = store.count(current, channel).block(QUERY_TIMEOUT);
                units.get(channel).set(count == null ? 0 : count);
            }
        }
    }
}
