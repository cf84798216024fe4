package io.minxin.bench;

import io.minxin.demo.DemoStream;
import io.minxin.events.CaseEvent;
import java.util.List;

/** Demo-shaped case events for the benchmarks (deterministic: one seed for every run). */
final class DemoEvents {
    static final long SEED = 8890;

    static List<CaseEvent> take(int count) {
        return DemoStream.events(SEED, count).toList();
    }

    static java.util.stream.Stream<CaseEvent> stream(int count) {
        return DemoStream.events(SEED, count);
    }

    private DemoEvents() {}
}
