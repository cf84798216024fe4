package io.minxin.notice.pushback;

import io.minxin.events.state.CaseState;
import reactor.core.publisher.Mono;

/**
 * What another feature keeps of topic {@code case-state} (the 较差件 review's candidates, the cases disputes and
 * exclusions are checked against). The one {@code case-state} consumer applies every projection bean to every
 * state (without its history): one consumer group reads the topic once. A state holds the whole case, so
 * {@link #apply} must be idempotent and must keep the newest state of a case ({@link CaseState#version()}).
 */
public interface CaseStateProjection {
    /** Stores what the state changes for this projection; completes when stored. */
    Mono<Void> apply(CaseState state);
}
