package io.minxin.metrics.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.minxin.events.state.AssessmentPeriod;
import io.minxin.events.state.Rates;
import io.minxin.events.state.UnitMetrics;
import io.minxin.metrics.MetricsProperties;
import io.minxin.metrics.projection.MetricsStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code minxin_unit_rate{unit,channel,metric}}: every unit's rates in the current period, read from the
 * projection at a fixed interval (so every instance shows all units, whichever partitions it consumes). A
 * rate without denominator has no sample.
 */
@Component
class UnitRateGauges implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(UnitRateGauges.class);

    private final MultiGauge gauge;
    private final MetricsStore store;
    private final AssessmentPeriod periods;
    private final Duration refresh;
    private final Clock clock;
    private volatile Disposable refreshing;

    UnitRateGauges(MeterRegistry registry, MetricsStore store, MetricsProperties properties, Clock clock) {
        this.gauge = MultiGauge.builder("minxin.unit.rate")
                .description("rate of a unit in the current assessment period, 0..1")
                .register(registry);
        this.store = store;
        this.periods = properties.period();
        this.refresh = properties.gauges().refresh();
        this.clock = clock;
    }

    @Override
    public void start() {
        refreshing = Flux.interval(Duration.ZERO, refresh)
                .onBackpressureDrop()
                .concatMap(tick -> store.unitMetrics(periods.nameOf(clock.instant()))
                        .collectList()
                        .onErrorResume(e -> {
                            log.debug("rate gauges not refreshed: {}", e.toString());
                            return Mono.empty();
                        }))
                .subscribe(this::show);
    }

    void show(List<UnitMetrics> metrics) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (UnitMetrics m : metrics) {
            for (String name : Rates.NAMES) {
                Double value = m.rates().byName(name);
                if (value != null) {
                    rows.add(MultiGauge.Row.of(
                            Tags.of("unit", m.unitId(), "channel", m.channel().name(), "metric", name), value));
                }
            }
        }
        gauge.register(rows, true);
    }

    @Override
    public void stop() {
        Disposable current = refreshing;
        if (current != null) {
            current.dispose();
        }
        refreshing = null;
    }

    @Override
    public boolean isRunning() {
        return refreshing != null;
    }
}
