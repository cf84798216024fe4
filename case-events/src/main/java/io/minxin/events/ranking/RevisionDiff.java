package io.minxin.events.ranking;

import java.util.List;

/**
 * What a revision changed against the one before.
 *
 * @param previousRevision the revision compared with
 * @param changes the units whose rank, eligibility or inputs changed, in the order of their new rank
 */
public record RevisionDiff(Integer previousRevision, List<RowChange> changes) {

    public RevisionDiff {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
