package io.minxin.notice.duty;

/** Where the log-ins come from (topic {@code unit-activity}). */
public interface LoginFeed {
    /**
     * Every log-in the feed holds right now has been consumed into the ledger. False when that cannot be told
     * (the broker is unreachable): the duty check then waits rather than judge a day on part of its log-ins.
     */
    boolean caughtUp();
}
