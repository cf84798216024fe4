package io.minxin.metrics.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.minxin.metrics.stream.ProcessingListener;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code minxin_metrics_events_processed_total{outcome=applied|duplicate|rejected}}. */
@Component
class EventCounters implements ProcessingListener {
    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);

    EventCounters(MeterRegistry registry) {
        for (Outcome outcome : Outcome.values()) {
            counters.put(
                    outcome,
                    Counter.builder("minxin.metrics.events.processed")
                            .description("records of case-events processed by the case-state stage")
                            .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                            .register(registry));
        }
    }

    @Override
    public void processed(Outcome outcome) {
        counters.get(outcome).increment();
    }
}
