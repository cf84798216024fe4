package io.minxin.metrics.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.minxin.events.state.AssessmentPeriod;
import io.minxin.events.state.Rates;
import io.minxin.events.state.UnitMetrics;
import io.minxin.metrics.MetricsProperties;
import io.minxin.metrics.projection.MetricsStore;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 *
 * <p>Each sample is a gauge registered once and updated in place; only a sample that appears or goes away
 * changes the registry. Re-registering every row at every refresh (a {@code MultiGauge} with overwrite) let a
 * scrape that met a refresh fail with Prometheus's {@code DuplicateLabelsException} (Micrometer issue 6851):
 * half of all scrapes, with refreshes back to back.
 */
@Component
class UnitRateGauges implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(UnitRateGauges.class);

    private final MeterRegistry registry;
    /** The samples shown now, by their tags; touched by one refresh at a time. */
    private final Map<Tags, Sample> samples = new ConcurrentHashMap<>();

    private final MetricsStore store;
    private final AssessmentPeriod periods;
    private final Duration refresh;
    private final Clock clock;
    private volatile Disposable refreshing;

    UnitRateGauges(
            MeterRegistry registry,
            MetricsStore store,
            MetricsProperties properties,
            AssessmentPeriod periods,
            Clock clock) {
        this.registry = registry;
        this.store = store;
        this.periods = periods;
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
        Map<Tags, Double> current = new HashMap<>();
        for (UnitMetrics m : metrics) {
            for (String name : Rates.NAMES) {
                Double value = m.rates().byName(name);
                if (value != null) {
                    current.put(
                            Tags.of("unit", m.unitId(), "channel", m.channel().name(), "metric", name), value);
                }
            }
        }
        current.forEach((tags, value) -> samples.computeIfAbsent(tags, this::register).value = value);
        samples.entrySet().removeIf(entry -> {
            if (current.containsKey(entry.getKey())) {
                return false;
            }
            registry.remove(entry.getValue().gauge);
            return true;
        });
    }

    private Sample register(Tags tags) {
        Sample sample = new Sample();
        sample.gauge = Gauge.builder("minxin.unit.rate", sample, s -> s.value)
                .description("rate of a unit in the current assessment period, 0..1")
                .tags(tags)
                .strongReference(true)
                .register(registry);
        return sample;
    }

    /** One sample's latest value, read by the gauge at each scrape. */
    private static final class Sample {
        volatile double value = Double.NaN;
        Gauge gauge;
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
