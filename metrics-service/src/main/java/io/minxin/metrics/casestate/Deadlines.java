package io.minxin.metrics.casestate;

import java.time.Instant;

/** The deadline of an acceptance that came without its own dueAt. */
@FunctionalInterface
public interface Deadlines {
    Instant defaultDueAt(Instant acceptedAt);
}
