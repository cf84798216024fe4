package io.minxin.metrics.stream;

import io.minxin.events.state.CaseState;

/** What stage one made of a record: the new state of its case, or the record rejected as it came. */
record Folded(CaseState state, byte[] rejected) {
    static Folded of(CaseState state) {
        return new Folded(state, null);
    }

    static Folded rejected(byte[] value) {
        return new Folded(null, value == null ? new byte[0] : value);
    }
}
