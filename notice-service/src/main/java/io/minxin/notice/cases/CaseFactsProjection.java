package io.minxin.notice.cases;

import io.minxin.events.state.CaseState;
import io.minxin.notice.pushback.CaseStateProjection;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code case-state} → collection {@code cases}. */
@Component
class CaseFactsProjection implements CaseStateProjection {
    private final CaseFactsStore store;

    CaseFactsProjection(CaseFactsStore store) {
        this.store = store;
    }

    @Override
    public Mono<Void> apply(CaseState state) {
        CaseFacts facts = CaseFacts.of(state);
        return facts == null ? Mono.empty() : store.put(facts);
    }
}
