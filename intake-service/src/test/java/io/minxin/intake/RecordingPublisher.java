package io.minxin.intake;

import io.minxin.events.CaseEvent;
import io.minxin.intake.publish.EventPublisher;
import io.minxin.intake.publish.PublishFailedException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/** Publisher port double: remembers what was published, or fails like an unreachable broker. */
public final class RecordingPublisher implements EventPublisher {
    private final List<CaseEvent> singles = new CopyOnWriteArrayList<>();
    private final List<List<CaseEvent>> transactions = new CopyOnWriteArrayList<>();
    private volatile RuntimeException failure;

    @Override
    public Mono<Void> publish(CaseEvent event) {
        return Mono.defer(() -> {
            if (failure != null) {
                return Mono.error(failure);
            }
            singles.add(event);
            return Mono.empty();
        });
    }

    @Override
    public Mono<Void> publishAtomically(List<CaseEvent> events) {
        return Mono.defer(() -> {
            if (failure != null) {
                return Mono.error(failure);
            }
            transactions.add(List.copyOf(events));
            return Mono.empty();
        });
    }

    public List<CaseEvent> singles() {
        return singles;
    }

    public List<List<CaseEvent>> transactions() {
        return transactions;
    }

    public boolean nothingPublished() {
        return singles.isEmpty() && transactions.isEmpty();
    }

    /** Fails every publication as an unreachable broker does. */
    public void unavailable() {
        failWith(new PublishFailedException("broker unreachable", null));
    }

    public void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    public void reset() {
        singles.clear();
        transactions.clear();
        failure = null;
    }
}
