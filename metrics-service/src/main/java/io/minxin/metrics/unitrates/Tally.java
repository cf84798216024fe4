package io.minxin.metrics.unitrates;

import io.minxin.events.state.Counts;
import io.minxin.events.state.ExcludedCase;
import java.util.ArrayList;
import java.util.List;

/**
 * The running counts of one bucket, with the cases excluded from them.
 *
 * @param version grows by one with every change applied, so a reader can tell newer from older
 * @param exclusions the exclusions in force of every case of the bucket, in {@link ExcludedCase#ORDER}
 */
public record Tally(String unitName, Counts counts, long version, List<ExcludedCase> exclusions) {
    public static final Tally EMPTY = new Tally(null, Counts.NONE, 0);

    public Tally {
        exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
    }

    public Tally(String unitName, Counts counts, long version) {
        this(unitName, counts, version, List.of());
    }

    /** A change of one case: its counts are added, and its exclusions, when they changed, replace those it had here. */
    public Tally apply(Share change) {
        List<ExcludedCase> listed = exclusions;
        Share.CaseExclusions replaced = change.exclusions();
        if (replaced != null) {
            List<ExcludedCase> next =
                    new ArrayList<>(exclusions.size() + replaced.entries().size());
            for (ExcludedCase entry : exclusions) {
                if (!entry.caseId().equals(replaced.caseId())) {
                    next.add(entry);
                }
            }
            next.addAll(replaced.entries());
            next.sort(ExcludedCase.ORDER);
            listed = next;
        }
        return new Tally(
                change.unitName() != null ? change.unitName() : unitName,
                counts.plus(change.counts()),
                version + 1,
                listed);
    }
}
