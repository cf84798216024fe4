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
    private volatile boolean unavailable;

    @Override
    public Mono<Void> publish(CaseEvent event) {
        return Mono.defer(() -> {
            if (unavailable) {
                return Mono.error(new PublishFailedException("broker unreachable", null));
            }
            singles.add(event);
            return Mono.empty();
        });
    }

    @Override
    public Mono<Void> publishAtomically(List<CaseEvent> events) {
        return Mono.defer(() -> {
            if (unavailable) {
                return Mono.error(new PublishFailedException("broker unreachable", null));
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

    public void unavailable(boolean unavailable) {
        this.unavailable = unavailable;
    }

    public void reset() {
        singles.clear();
        transactions.clear();
        unavailable = false;
    }
}
