package io.minxin.metrics.unitrates;

import io.minxin.events.state.Counts;

/**
 * The running counts of one bucket.
 *
 * @param version grows by one with every change applied, so a reader can tell newer from older
 */
public record Tally(String unitName, Counts counts, long version) {
    public static final Tally EMPTY = new Tally(null, Counts.NONE, 0);

    public Tally apply(Share change) {
        return new Tally(
                change.unitName() != null ? change.unitName() : unitName, counts.plus(change.counts()), version + 1);
    }
}
