package io.minxin.notice.exclusions;

import io.minxin.events.decision.Decision;
import io.minxin.events.decision.Exclusion;
import io.minxin.events.notice.ExcludedIndicator;
import io.minxin.notice.decisions.DecisionProjection;
import java.util.List;
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
        return Flux.fromIterable(entries(decision)).concatMap(store::put).then();
    }

    /** One entry per indicator of an {@link Exclusion} decision; the units are the lister's to add. */
    static List<ExcludedIndicator> entries(Decision decision) {
        Exclusion body = (Exclusion) decision.body();
        return body.indicators().stream()
                .map(indicator -> new ExcludedIndicator(
                        body.caseId(),
                        indicator,
                        decision.period(),
                        body.excluded(),
                        decision.reason(),
                        decision.id(),
                        decision.decidedBy(),
                        decision.role(),
                        decision.decidedAt(),
                        body.disputeId(),
                        List.of()))
                .toList();
    }
}
