package io.minxin.metrics.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.minxin.metrics.stream.ProcessingListener;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code minxin_metrics_events_processed_total{outcome=applied|duplicate|rejected}} and
 * {@code minxin_metrics_decisions_processed_total{outcome=applied|duplicate|ignored|skipped}}.
 */
@Component
class EventCounters implements ProcessingListener {
    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);
    private final Map<DecisionOutcome, Counter> decisions = new EnumMap<>(DecisionOutcome.class);

    EventCounters(MeterRegistry registry) {
        for (Outcome outcome : Outcome.values()) {
            counters.put(
                    outcome,
                    Counter.builder("minxin.metrics.events.processed")
                            .description("records of case-events processed by the case-state stage")
                            .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                            .register(registry));
        }
        for (DecisionOutcome outcome : DecisionOutcome.values()) {
            decisions.put(
                    outcome,
                    Counter.builder("minxin.metrics.decisions.processed")
                            .description("records of decisions processed by the case-state stage; skipped ones are"
                                    + " unreadable, of an unknown kind or keyed by another case (logged)")
                            .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                            .register(registry));
        }
    }

    @Override
    public void processed(Outcome outcome) {
        counters.get(outcome).increment();
    }

    @Override
    public void decided(DecisionOutcome outcome) {
        decisions.get(outcome).increment();
    }
}
