package io.minxin.events.decision;

import java.util.List;
import java.util.Objects;

/**
 * 剔除: an operator excludes a case from chosen indicators of the unit it counts for, with the reason in the
 * decision (e.g. a reviewed unreasonable appeal excluded from 满意率), or takes an exclusion back. Per case and
 * indicator, the latest exclusion decision ({@link Decision#supersedes}) stands.
 *
 * @param caseId the case
 * @param indicators what it is excluded from (or restored to), at least one
 * @param excluded true to exclude, false to restore
 * @param disputeId the dispute whose acceptance made this exclusion, or null for an operator's own
 */
public record Exclusion(String caseId, List<Indicator> indicators, boolean excluded, String disputeId)
        implements DecisionBody {
    public static final String KIND = "exclusion";

    public Exclusion {
        Objects.requireNonNull(caseId, "caseId");
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }

    @Override
    public String key() {
        return caseId;
    }
}
