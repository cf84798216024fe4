package io.minxin.intake.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Counters of accepted, rejected and failed events, and the time Kafka takes to acknowledge a publication. */
@Component
class IntakeMetrics {
    static final String ACCEPTED = "minxin.intake.events.accepted";
    static final String REJECTED = "minxin.intake.events.rejected";
    static final String FAILED = "minxin.intake.events.failed";
    static final String PUBLISH = "minxin.intake.publish";

    private final MeterRegistry registry;
    /** Meters by labels, so that a busy single-event path does not rebuild and look up its meters per request. */
    private final Map<String, Map<EventLabels, Counter>> counters = new ConcurrentHashMap<>();

    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Events Kafka acknowledged. */
    void accepted(Collection<EventLabels> labels) {
        count(ACCEPTED, "events Kafka acknowledged", labels);
    }

    /** Items refused as bad input; an unreadable or oversized body counts once, as type unknown. */
    void rejected(Collection<EventLabels> labels) {
        count(REJECTED, "items refused as bad input", labels);
    }

    /** Valid events that could not be published (Kafka unavailable or too slow). */
    void failed(Collection<EventLabels> labels) {
        count(FAILED, "valid events that Kafka did not acknowledge", labels);
    }

    /** Times {@code publication} as a {@code mode} (single or batch) publication, by outcome. */
    <T> Mono<T> timePublish(String mode, Mono<T> publication) {
        return Mono.defer(() -> {
            Timer.Sample sample = Timer.start(registry);
            return publication
                    .doOnSuccess(ignored -> sample.stop(timer(mode, "success")))
                    .doOnError(ignored -> sample.stop(timer(mode, "failure")));
        });
    }

    private Timer timer(String mode, String outcome) {
        return timers.computeIfAbsent(
                mode + '|' + outcome,
                key -> Timer.builder(PUBLISH)
                        .description("time from handing events to Kafka until acknowledged (committed for a batch)")
                        .tag("mode", mode)
                        .tag("outcome", outcome)
                        .publishPercentileHistogram()
                        .register(registry));
    }

    private void count(String name, String description, Collection<EventLabels> labels) {
        Map<EventLabels, Counter> byLabels = counters.computeIfAbsent(name, n -> new ConcurrentHashMap<>());
        if (labels.size() == 1) {
            counter(byLabels, name, description, labels.iterator().next()).increment();
            return;
        }
        // a batch of thousands repeats few label sets: one increment per set
        Map<EventLabels, Long> counts =
                labels.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        counts.forEach((label, n) -> counter(byLabels, name, description, label).increment(n));
    }

    private Counter counter(Map<EventLabels, Counter> byLabels, String name, String description, EventLabels label) {
        return byLabels.computeIfAbsent(
                label,
                l -> Counter.builder(name)
                        .description(description)
                        .tag("type", l.type())
                        .tag("channel", l.channel())
                        .tag("source", l.source())
                        .register(registry));
    }
}
