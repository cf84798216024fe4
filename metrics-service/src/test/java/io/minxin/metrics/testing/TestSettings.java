package io.minxin.metrics.testing;

import io.minxin.metrics.MetricsProperties;
import java.time.Duration;

/** The service's settings as tests build them by hand: the defaults, but the read views' ttl. */
public final class TestSettings {

    /** @param viewsTtl how long the read views keep the periods' stamps; zero reads them on every request */
    public static MetricsProperties metrics(Duration viewsTtl) {
        return new MetricsProperties(
                15,
                1,
                1,
                1000,
                new MetricsProperties.Projection("g", 500, Duration.ofMillis(200), Duration.ofSeconds(1)),
                new MetricsProperties.Gauges(Duration.ofSeconds(15)),
                new MetricsProperties.Views(viewsTtl, Duration.ofSeconds(30)));
    }

    private TestSettings() {}
}
