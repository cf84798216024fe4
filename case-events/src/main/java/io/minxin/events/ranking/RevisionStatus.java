package io.minxin.events.ranking;

/**
 * Where a ranking stands. {@link #PUBLISHED} revisions appear on the {@code rankings} topic (key {@code
 * period|channel}), and so does the {@link #LIVE} view of an open period whenever its inputs changed (key {@code
 * period|channel|LIVE}): a live view on the topic is not a close.
 */
public enum RevisionStatus {
    /** Computed from the current inputs of an open period; never stored, published under its own key. */
    LIVE,
    /** Computed on request under a policy an operator is trying out; never stored. */
    WHAT_IF,
    /** Frozen and stored, not published yet. */
    PENDING,
    /** Published on {@code rankings}. */
    PUBLISHED
}
