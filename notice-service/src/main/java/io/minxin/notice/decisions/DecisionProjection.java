package io.minxin.notice.decisions;

import io.minxin.events.decision.Decision;
import reactor.core.publisher.Mono;

/**
 * A projection of topic {@code decisions} into this service's MongoDB. {@link DecisionLog} applies a decision as
 * soon as the broker has it (so that the deciding caller reads its own decision at once), and the {@code
 * decisions} consumer applies every decision again: {@link #apply} must be idempotent (by {@link Decision#id()})
 * and must not depend on the order of decisions ({@link Decision#supersedes}).
 */
public interface DecisionProjection {
    /** Stores what {@code decision} changes, if it concerns this projection; completes when stored. */
    Mono<Void> apply(Decision decision);
}
