package io.minxin.intake.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Collection;
import java.util.Map;
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
        return Timer.builder(PUBLISH)
                .description("time from handing events to Kafka until acknowledged (committed for a batch)")
                .tag("mode", mode)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry);
    }

    private void count(String name, String description, Collection<EventLabels> labels) {
        // a batch of thousands repeats few label sets: one increment per set
        Map<EventLabels, Long> counts =
                labels.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        counts.forEach((label, n) -> Counter.builder(name)
                .description(description)
                .tag("type", label.type())
                .tag("channel", label.channel())
                .tag("source", label.source())
                .register(registry)
                .increment(n));
    }
}
