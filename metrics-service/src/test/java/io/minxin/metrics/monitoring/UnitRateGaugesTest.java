package io.minxin.metrics.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.minxin.events.Channel;
import io.minxin.events.state.Counts;
import io.minxin.events.state.UnitMetrics;
import io.minxin.metrics.MetricsProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitRateGaugesTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final UnitRateGauges gauges = new UnitRateGauges(
            registry,
            null,
            new MetricsProperties(
                    0,
                    15,
                    1000,
                    new MetricsProperties.Projection("g", 500, Duration.ofMillis(200), Duration.ofSeconds(1)),
                    new MetricsProperties.Gauges(Duration.ofSeconds(15)),
                    new MetricsProperties.Views(Duration.ofSeconds(1), Duration.ofSeconds(30))),
            Clock.systemUTC());

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
    void aUnitNoLongerInTheCurrentPeriodLosesItsSamples() {
        gauges.show(List.of(new UnitMetrics("a", null, Channel.WEB, "2020-09", new Counts(1, 1, 1, 1, 1, 1, 0, 0), 1)));

        gauges.show(List.of());

        assertThat(registry.find("minxin.unit.rate").gauges()).isEmpty();
    }
}
