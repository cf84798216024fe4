package io.minxin.events.ranking;

/** Where a ranking stands. Only {@link #PUBLISHED} revisions appear on the {@code rankings} topic. */
public enum RevisionStatus {
    /** Computed on request from the current inputs of an open period; never stored. */
    LIVE,
    /** Computed on request under a policy an operator is trying out; never stored. */
    WHAT_IF,
    /** Frozen and stored, not published yet. */
    PENDING,
    /** Published on {@code rankings}. */
    PUBLISHED
}
