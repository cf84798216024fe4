package io.minxin.notice.disputes;

import io.minxin.events.decision.Decision;
import io.minxin.events.decision.DisputeDecided;
import io.minxin.events.decision.DisputeFiled;
import io.minxin.notice.decisions.DecisionProjection;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code decisions} → collection {@code disputes}: filings and the operators' decisions on them. */
@Component
class DisputeProjection implements DecisionProjection {
    private final DisputeStore store;

    DisputeProjection(DisputeStore store) {
        this.store = store;
    }

    @Override
    public Mono<Void> apply(Decision decision) {
        if (decision.body() instanceof DisputeFiled) {
            return store.filed(decision);
        }
        if (decision.body() instanceof DisputeDecided decided) {
            return store.decided(decided.disputeId(), decision);
        }
        return Mono.empty();
    }
}
