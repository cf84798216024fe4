package io.minxin.intake.publish;

import io.minxin.events.CaseEvent;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Port to the event log. Both methods complete only once the log has acknowledged the events, and fail with
 * {@link PublishFailedException} within a bounded time when it cannot.
 */
public interface EventPublisher {
    /** Publishes one event with an idempotent producer, without a transaction. */
    Mono<Void> publish(CaseEvent event);

    /** Publishes all events in one transaction: every one of them becomes visible, or none does. */
    Mono<Void> publishAtomically(List<CaseEvent> events);
}
