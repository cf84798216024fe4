package io.minxin.notice.review;

import io.minxin.events.decision.Decision;
import io.minxin.events.decision.PushbackRuling;
import io.minxin.events.state.CaseState;
import io.minxin.notice.decisions.DecisionProjection;
import io.minxin.notice.pushback.CaseStateProjection;
import io.minxin.notice.pushback.PushbackDetector;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Feeds collection {@code reviews}: {@code case-state} brings the candidates ({@code confirmedPushback}),
 * {@code decisions} the {@link PushbackRuling}s; either may come first.
 */
@Component
class ReviewProjection implements DecisionProjection, CaseStateProjection {
    private final PushbackDetector detector;
    private final Reviews reviews;

    ReviewProjection(PushbackDetector detector, Reviews reviews) {
        this.detector = detector;
        this.reviews = reviews;
    }

    @Override
    public Mono<Void> apply(Decision decision) {
        return decision.body() instanceof PushbackRuling ? reviews.ruling(decision) : Mono.empty();
    }

    @Override
    public Mono<Void> apply(CaseState state) {
        return detector.candidate(state).map(reviews::candidate).orElse(Mono.empty());
    }
}
