package io.minxin.metrics.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.minxin.events.Channel;
import io.minxin.events.state.AssessmentPeriod;
import io.minxin.events.state.Counts;
import io.minxin.events.state.UnitMetrics;
import io.minxin.metrics.testing.TestSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class UnitRateGaugesTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final UnitRateGauges gauges = gaugesOn(registry);

    private static UnitRateGauges gaugesOn(MeterRegistry registry) {
        return new UnitRateGauges(
                registry,
                null,
                TestSettings.metrics(Duration.ofSeconds(1)),
                new AssessmentPeriod(0),
                Clock.systemUTC());
    }

    @Test
    void eachRateWithADenominatorIsOneSampleTaggedByUnitChannelAndMetric() {
        gauges.show(
                List.of(new UnitMetrics("a", null, Channel.PHONE, "2020-09", new Counts(4, 3, 3, 0, 0, 0, 0, 0), 1)));

        assertThat(registry.get("minxin.unit.rate")
                        .tags("unit", "a", "channel", "PHONE", "metric", "completionRate")
                        .gauge()
                        .value())
                .isEqualTo(0.75);
        assertThat(registry.find("minxin.unit.rate")
                        .tag("metric", "satisfactionRate")
                        .gauges())
                .isEmpty();
    }

    @Test
    void aNewFigureUpdatesTheSampleInPlace() {
        gauges.show(List.of(phone("a", 3)));
        Gauge before = registry.get("minxin.unit.rate")
                .tags("unit", "a", "metric", "completionRate")
                .gauge();

        gauges.show(List.of(phone("a", 4)));

        Gauge after = registry.get("minxin.unit.rate")
                .tags("unit", "a", "metric", "completionRate")
                .gauge();
        assertThat(after).isSameAs(before);
        assertThat(after.value()).isEqualTo(1.0);
    }

    @Test
    void prometheusScrapesWhileTheRatesRefreshNeverFail() throws Exception {
        // given a Prometheus registry showing 120 units' rates, refreshed without pause, units coming and going
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        UnitRateGauges refreshed = gaugesOn(prometheus);
        refreshed.show(List.of(phone("u0", 1)));
        AtomicBoolean refreshing = new AtomicBoolean(true);
        Thread refresher = new Thread(() -> {
            for (int round = 0; refreshing.get(); round++) {
                List<UnitMetrics> units = new ArrayList<>();
                for (int u = 0; u < (round % 10 == 0 ? 100 : 120); u++) {
                    units.add(phone("u" + u, round % 5));
                }
                refreshed.show(units);
            }
        });
        refresher.start();

        // when Prometheus scrapes meanwhile, then every scrape answers with the rates
        try {
            long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < until) {
                assertThat(prometheus.scrape()).contains("minxin_unit_rate{");
            }
        } finally {
            refreshing.set(false);
            refresher.join();
        }
    }

    @Test
    void aUnitNoLongerInTheCurrentPeriodLosesItsSamples() {
        gauges.show(List.of(new UnitMetrics("a", null, Channel.WEB, "2020-09", new Counts(1, 1, 1, 1, 1, 1, 0, 0), 1)));

        gauges.show(List.of());

        assertThat(registry.find("minxin.unit.rate").gauges()).isEmpty();
    }

    /** A PHONE unit with four cases accepted, {@code concluded} of them concluded. */
    private static UnitMetrics phone(String unit, int concluded) {
        return new UnitMetrics(
                unit, null, Channel.PHONE, "2020-09", new Counts(4, concluded, concluded, 0, 0, 0, 0, 0), 1);
    }
}
