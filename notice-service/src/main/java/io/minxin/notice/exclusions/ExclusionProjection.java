package io.minxin.notice.exclusions;

import io.minxin.events.decision.Decision;
import io.minxin.events.decision.Exclusion;
import io.minxin.notice.decisions.DecisionProjection;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code decisions} → collection {@code exclusions}: the latest exclusion per case and indicator. */
@Component
class ExclusionProjection implements DecisionProjection {
    private final ExclusionStore store;

    ExclusionProjection(ExclusionStore store) {
        this.store = store;
    }

    @Override
    public Mono<Void> apply(Decision decision) {
        if (!(decision.body() instanceof Exclusion)) {
            return Mono.empty();
        }
        return Flux.fromIterable(ExcludedIndicator.of(decision))
                .concatMap(store::put)
                .then();
    }
}
