package io.minxin.metrics.unitrates;

import io.minxin.events.state.Counts;
import io.minxin.events.state.ExcludedCase;
import java.util.List;
import java.util.Objects;

/**
 * What one case adds to one bucket (or, as a change, what it moves): counts, the unit's name and the case's exclusions
 * listed in the bucket.
 *
 * @param exclusions in a contribution: the case's exclusions in force for this unit, null when none; in a change: the
 *     case's exclusions in the bucket from now on (empty: none any more), null when they did not change
 */
public record Share(String unitName, Counts counts, CaseExclusions exclusions) {

    public Share(String unitName, Counts counts) {
        this(unitName, counts, null);
    }

    /** The exclusions (剔除) of one case listed in a bucket. */
    public record CaseExclusions(String caseId, List<ExcludedCase> entries) {
        public CaseExclusions {
            Objects.requireNonNull(caseId, "caseId");
            entries = entries == null ? List.of() : List.copyOf(entries);
        }
    }

    List<ExcludedCase> entries() {
        return exclusions == null ? List.of() : exclusions.entries();
    }
}
