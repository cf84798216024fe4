package io.minxin.events.decision;

import java.util.Objects;

/**
 * 申诉: a unit disputes a judgment about one of its cases; the decision's reason is the unit's.
 *
 * @param disputeId unique per dispute
 * @param caseId the case
 * @param unitId the unit that filed it (its key's scope)
 * @param subject what it disputes
 */
public record DisputeFiled(String disputeId, String caseId, String unitId, DisputeSubject subject)
        implements DecisionBody {
    public static final String KIND = "dispute-filed";

    public DisputeFiled {
        Objects.requireNonNull(disputeId, "disputeId");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(subject, "subject");
    }

    @Override
    public String key() {
        return caseId;
    }
}
